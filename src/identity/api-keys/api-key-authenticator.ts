import type { Db } from "../../db/client.js";
import type { Logger } from "../../platform/logger.js";
import { unauthenticated } from "../../platform/errors.js";
import { API_KEY_SCOPES, type ApiKeyScope, type Viewer } from "../viewer.js";
import { apiKeyMatches, apiKeyPrefixOf } from "./api-key-format.js";

// lastUsedAt is a hint for humans ("used 3 minutes ago"): one write a minute per key is plenty.
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeyAuthenticator {
  /** The viewer a key acts as: its owner, limited to its scopes. Throws UNAUTHENTICATED otherwise. */
  authenticate(key: string): Promise<Viewer>;
  /** Waits for last-used writes in flight (at shutdown). */
  stop(): Promise<void>;
}

export function createApiKeyAuthenticator(db: Db, log: Logger): ApiKeyAuthenticator {
  const lastWritten = new Map<string, number>();
  const inFlight = new Set<Promise<unknown>>();

  // Never awaited by the request: the key is already verified, the timestamp can follow.
  function touch(id: string, now: number) {
    if (now - (lastWritten.get(id) ?? 0) < LAST_USED_RESOLUTION_MS) return;
    lastWritten.set(id, now);
    if (lastWritten.size > 10_000) lastWritten.delete(lastWritten.keys().next().value!);
    const write = db.apiKey
      .update({ where: { id }, data: { lastUsedAt: new Date(now) }, select: { id: true } })
      .catch((error: unknown) => log.warn({ err: error, apiKeyId: id }, "could not record API key use"))
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
  }

  return {
    async authenticate(key) {
      const prefix = apiKeyPrefixOf(key);
      const stored = prefix ? await db.apiKey.findUnique({ where: { prefix } }) : null;
      if (!stored || !apiKeyMatches(key, stored.secretHash)) throw unauthenticated("Invalid API key", { reason: "TOKEN_INVALID" });
      if (stored.revokedAt) throw unauthenticated("This API key was revoked", { reason: "CREDENTIAL_REVOKED" });
      const now = Date.now();
      if (stored.expiresAt && stored.expiresAt.getTime() <= now) throw unauthenticated("This API key has expired", { reason: "CREDENTIAL_EXPIRED" });
      touch(stored.id, now);
      const scopes = stored.scopes.filter((scope): scope is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(scope));
      // A key never carries its owner's admin role: least privilege for programs.
      return {
        userId: stored.userId,
        role: "USER",
        apiKey: { id: stored.id, scopes, workspaceId: stored.workspaceId, expiresAt: stored.expiresAt?.getTime() },
      };
    },
    async stop() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
