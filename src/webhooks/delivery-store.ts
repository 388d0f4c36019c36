import type { Db } from "../db/client.js";

/** A delivery a worker has leased for one attempt. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  body: string;
  /** The number of this attempt; with workerId it fences the lease. */
  attempts: number;
  attemptsBase: number;
  url: string;
  secrets: string[];
}

/**
 * Leases up to `limit` due deliveries of enabled webhooks for one attempt each, in one statement.
 * SKIP LOCKED lets any number of workers claim at once without waiting on or taking each other's
 * rows; the lease (nextAttemptAt moved to its expiry) makes a delivery due again if this worker dies
 * mid-attempt. The attempt row is written in the same statement, unique per (delivery, number).
 */
export async function claimDueDeliveries(db: Db, workerId: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const rows = await db.$queryRaw<Array<Omit<ClaimedDelivery, "secrets"> & { secret: string; previousSecret: string | null }>>`
    WITH due AS (
      SELECT d.id FROM "WebhookDelivery" d JOIN "Webhook" w ON w.id = d."webhookId"
      WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= now() AND w.enabled
      ORDER BY d."nextAttemptAt"
      LIMIT ${limit}::int
      FOR UPDATE OF d SKIP LOCKED
    ), claimed AS (
      UPDATE "WebhookDelivery" d
      SET attempts = d.attempts + 1, "leasedBy" = ${workerId},
          "leaseExpiresAt" = now() + ${leaseMs}::int * interval '1 millisecond',
          "nextAttemptAt" = now() + ${leaseMs}::int * interval '1 millisecond'
      FROM due WHERE d.id = due.id
      RETURNING d.id, d."webhookId", d."eventId", d."eventType", d.body, d.attempts, d."attemptsBase"
    ), attempt AS (
      INSERT INTO "WebhookDeliveryAttempt" (id, "deliveryId", number, "workerId")
      SELECT gen_random_uuid(), id, attempts, ${workerId} FROM claimed
    )
    SELECT c.*, w.url, w.secret,
           CASE WHEN w."previousSecretExpiresAt" > now() THEN w."previousSecret" END AS "previousSecret"
    FROM claimed c JOIN "Webhook" w ON w.id = c."webhookId"`;
  return rows.map(({ secret, previousSecret, ...row }) => ({ ...row, secrets: previousSecret ? [secret, previousSecret] : [secret] }));
}

export interface AttemptResult {
  status?: number;
  latencyMs: number;
  error?: string;
  responseBody?: string;
}

export type Resolution = { kind: "delivered" } | { kind: "retry"; delayMs: number } | { kind: "failed" };

/**
 * Records an attempt's result and what happens next, in one statement. The delivery changes only
 * while this worker still holds the lease for this attempt (a worker that overran its lease must
 * not undo a newer attempt); the attempt row is always completed. Returns the endpoint's failure
 * streak, or null when the lease was lost.
 */
export async function recordAttempt(
  db: Db,
  workerId: string,
  delivery: Pick<ClaimedDelivery, "id" | "attempts">,
  result: AttemptResult,
  resolution: Resolution,
): Promise<{ webhookId: string; consecutiveFailures: number } | null> {
  const status = resolution.kind === "delivered" ? "DELIVERED" : resolution.kind === "failed" ? "FAILED" : "PENDING";
  const delayMs = resolution.kind === "retry" ? resolution.delayMs : null;
  const succeeded = resolution.kind === "delivered";
  const [row] = await db.$queryRaw<Array<{ webhookId: string; consecutiveFailures: number }>>`
    WITH d AS (
      UPDATE "WebhookDelivery"
      SET status = ${status}::"WebhookDeliveryStatus",
          "nextAttemptAt" = CASE WHEN ${delayMs}::int IS NULL THEN NULL ELSE now() + ${delayMs}::int * interval '1 millisecond' END,
          "leasedBy" = NULL, "leaseExpiresAt" = NULL,
          "responseStatus" = ${result.status ?? null}::int, "latencyMs" = ${result.latencyMs}::int, "lastError" = ${result.error ?? null},
          "deliveredAt" = CASE WHEN ${succeeded} THEN now() ELSE "deliveredAt" END
      WHERE id = ${delivery.id}::uuid AND attempts = ${delivery.attempts}::int AND "leasedBy" = ${workerId}
      RETURNING "webhookId"
    ), attempt AS (
      UPDATE "WebhookDeliveryAttempt"
      SET "finishedAt" = now(), "responseStatus" = ${result.status ?? null}::int, "latencyMs" = ${result.latencyMs}::int,
          error = ${result.error ?? null}, "responseBody" = ${result.responseBody ?? null}
      WHERE "deliveryId" = ${delivery.id}::uuid AND number = ${delivery.attempts}::int AND "workerId" = ${workerId}
    )
    UPDATE "Webhook" w
    SET "consecutiveFailures" = CASE WHEN ${succeeded} THEN 0 ELSE w."consecutiveFailures" + 1 END,
        "failingSince" = CASE WHEN ${succeeded} THEN NULL ELSE COALESCE(w."failingSince", now()) END
    FROM d WHERE w.id = d."webhookId"
    RETURNING w.id AS "webhookId", w."consecutiveFailures"`;
  return row ?? null;
}

/**
 * Turns an endpoint off once it has failed `failures` times in a row over at least `periodMs`
 * (measured by the database clock); the owner sees the reason. True when this call disabled it.
 */
export async function disableIfFailing(db: Db, webhookId: string, failures: number, periodMs: number, lastError: string): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Webhook"
    SET enabled = false, "disabledAt" = now(), "updatedAt" = now(),
        "disabledReason" = 'Disabled automatically after ' || "consecutiveFailures" || ' consecutive failed attempts since '
          || to_char("failingSince" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '. Last error: ' || ${lastError}
    WHERE id = ${webhookId}::uuid AND enabled AND "consecutiveFailures" >= ${failures}::int
      AND "failingSince" <= now() - ${periodMs}::bigint * interval '1 millisecond'`;
  return count > 0;
}

/** Deletes deliveries (and their attempts) older than the retention, in batches. */
export async function pruneDeliveries(db: Db, retentionDays: number, batchSize = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM "WebhookDelivery" WHERE id IN (
        SELECT id FROM "WebhookDelivery" WHERE "createdAt" < now() - ${retentionDays}::int * interval '1 day' LIMIT ${batchSize}::int
      )`;
    total += count;
    if (count < batchSize) return total;
  }
}
