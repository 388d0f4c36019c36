import type { Db } from "../db/client.js";
import type { Logger } from "../platform/logger.js";
import { unauthenticated } from "../platform/errors.js";
import { matches, type CredentialEndReason, type CredentialEvents, type LiveCredential } from "./credential-events.js";

export interface LiveCredentials {
  /**
   * Whether a live operation may start with this credential: it is not past its expiry and its
   * sign-in was not ended (signed out, password changed). Throws UNAUTHENTICATED with `reason`.
   */
  admit(credential: LiveCredential): Promise<void>;
  /** Follows a live operation until its credential ends, then calls `end` once. Returns "stop following". */
  track(credential: LiveCredential, end: (reason: CredentialEndReason) => void): () => void;
  readonly size: number;
  close(): void;
}

interface Tracked {
  credential: LiveCredential;
  end(reason: CredentialEndReason): void;
  timer?: NodeJS.Timeout;
}

// setTimeout cannot wait longer than ~24.8 days: longer expiries re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Ends live operations (graphql-ws sockets, SSE streams) with their credentials: a timer at the
 * credential's expiry, every "credential ended" event (any instance), and, after a gap in those
 * events, a check of every live credential against the database.
 */
export function createLiveCredentials(deps: { db: Db; events: CredentialEvents; log: Logger }): LiveCredentials {
  const { db, events, log } = deps;
  const live = new Set<Tracked>();

  function finish(tracked: Tracked, reason: CredentialEndReason) {
    if (!live.delete(tracked)) return;
    clearTimeout(tracked.timer);
    tracked.end(reason);
  }

  function armExpiry(tracked: Tracked) {
    const { expiresAt, apiKeyId } = tracked.credential;
    if (expiresAt === undefined) return;
    const wait = expiresAt - Date.now();
    tracked.timer = setTimeout(() => {
      if (expiresAt - Date.now() > 0) armExpiry(tracked);
      else finish(tracked, apiKeyId ? "CREDENTIAL_EXPIRED" : "TOKEN_EXPIRED");
    }, Math.min(Math.max(wait, 0), MAX_TIMER_MS));
    tracked.timer.unref();
  }

  events.subscribe((event) => {
    for (const tracked of [...live]) if (matches(event, tracked.credential)) finish(tracked, event.reason);
  });
  events.onGap(() => {
    revalidate().catch((error: unknown) => log.warn({ err: error }, "could not revalidate live credentials after a gap"));
  });

  /** Events may have been lost: what the database says is the truth. */
  async function revalidate() {
    const all = [...live];
    if (all.length === 0) return;
    const keyIds = [...new Set(all.flatMap(({ credential }) => (credential.apiKeyId ? [credential.apiKeyId] : [])))];
    const families = [...new Set(all.flatMap(({ credential }) => (credential.sessionFamily ? [credential.sessionFamily] : [])))];
    const userIds = [...new Set(all.map(({ credential }) => credential.userId))];
    const [keys, liveFamilies, users] = await Promise.all([
      db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, revokedAt: true } }),
      db.refreshToken.findMany({ where: { familyId: { in: families }, revokedAt: null }, select: { familyId: true }, distinct: ["familyId"] }),
      db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, role: true } }),
    ]);
    const goodKeys = new Set(keys.filter((key) => key.revokedAt === null).map((key) => key.id));
    const goodFamilies = new Set(liveFamilies.map((row) => row.familyId));
    const roles = new Map(users.map((user) => [user.id, user.role as string]));
    let ended = 0;
    for (const tracked of all) {
      const { credential } = tracked;
      const role = roles.get(credential.userId);
      let reason: CredentialEndReason | undefined;
      if (role === undefined) reason = "CREDENTIAL_REVOKED";
      else if (credential.apiKeyId && !goodKeys.has(credential.apiKeyId)) reason = "CREDENTIAL_REVOKED";
      else if (credential.sessionFamily && !goodFamilies.has(credential.sessionFamily)) reason = "CREDENTIAL_REVOKED";
      else if (credential.role !== undefined && credential.role !== role) reason = "PERMISSIONS_CHANGED";
      if (reason) {
        ended++;
        finish(tracked, reason);
      }
    }
    if (ended > 0) log.info({ ended }, "ended live operations whose credentials ended while messages were lost");
  }

  return {
    async admit(credential) {
      if (credential.expiresAt !== undefined && credential.expiresAt <= Date.now()) {
        throw credential.apiKeyId
          ? unauthenticated("This API key has expired", { reason: "CREDENTIAL_EXPIRED" })
          : unauthenticated("The access token has expired: refresh it", { reason: "TOKEN_EXPIRED" });
      }
      if (credential.sessionFamily) {
        const live = await db.refreshToken.count({ where: { familyId: credential.sessionFamily, revokedAt: null } });
        if (live === 0) throw unauthenticated("This session was signed out: sign in again", { reason: "CREDENTIAL_REVOKED" });
      }
    },
    track(credential, end) {
      const tracked: Tracked = { credential, end };
      live.add(tracked);
      armExpiry(tracked);
      return () => {
        live.delete(tracked);
        clearTimeout(tracked.timer);
      };
    },
    get size() {
      return live.size;
    },
    close() {
      for (const tracked of live) clearTimeout(tracked.timer);
      live.clear();
    },
  };
}
