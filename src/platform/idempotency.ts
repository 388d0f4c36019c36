import { createHash } from "node:crypto";
import type { Db } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { badInput, conflict } from "./errors.js";

type Tx = Prisma.TransactionClient;

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function validateIdempotencyKey(key: string | null | undefined): string | undefined {
  if (key === null || key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) throw badInput(IDEMPOTENCY_HEADER, `${IDEMPOTENCY_HEADER} must be 1–255 visible ASCII characters`);
  return key;
}

/** A stable fingerprint of a request: key order does not matter, dates compare by instant. */
export function fingerprint(request: unknown): string {
  const canonical = JSON.stringify(request, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : value,
  );
  return createHash("sha256")
    .update(canonical ?? "")
    .digest("hex");
}

/**
 * Runs `create` at most once per (user, operation, key). The key is claimed in the same
 * transaction as the creation, so a crash leaves neither; a concurrent duplicate waits for the
 * first to commit and then replays it. The same key with a different request is a CONFLICT.
 */
export async function withIdempotencyKey(
  db: Db,
  claim: { userId: string; operation: string; key: string; request: unknown },
  create: (tx: Tx) => Promise<{ id: string }>,
): Promise<{ id: string; replayed: boolean }> {
  const requestHash = fingerprint(claim.request);
  const where = { userId_operation_key: { userId: claim.userId, operation: claim.operation, key: claim.key } };
  return db.$transaction(async (tx) => {
    const claimed = await tx.idempotencyKey.createMany({
      data: [{ userId: claim.userId, operation: claim.operation, key: claim.key, requestHash, resultId: "" }],
      skipDuplicates: true,
    });
    if (claimed.count === 0) {
      const existing = await tx.idempotencyKey.findUniqueOrThrow({ where });
      if (existing.requestHash !== requestHash) {
        throw conflict(`${IDEMPOTENCY_HEADER} was already used with a different request`, { field: IDEMPOTENCY_HEADER });
      }
      return { id: existing.resultId, replayed: true };
    }
    const created = await create(tx);
    await tx.idempotencyKey.update({ where, data: { resultId: created.id } });
    return { id: created.id, replayed: false };
  });
}
