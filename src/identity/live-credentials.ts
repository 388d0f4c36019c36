import type { Db } from "../db/client.js";
import type { Logger } from "../platform/logger.js";
import type { WorkspaceRole } from "../access/permissions.js";
import { endableStream } from "../platform/endable-stream.js";
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
  /**
   * The stream, completed as soon as the person's membership of one of these workspaces changes
   * (role changed, removed, left, workspace deleted) on any instance: what a live read may show
   * was decided with the role it had. Workspaces read as instance admin are not listed.
   */
  follow<T>(source: AsyncIterableIterator<T>, reader: MembershipReader): AsyncIterableIterator<T>;
  readonly size: number;
  close(): void;
}

export interface MembershipReader {
  userId: string;
  /** The role held in each workspace the operation reads, when it started. */
  memberships: ReadonlyMap<string, WorkspaceRole>;
}

interface FollowedStream {
  reader: MembershipReader;
  end(): void;
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
  const followed = new Set<FollowedStream>();

  function finish(tracked: Tracked, reason: CredentialEndReason) {
    if (!live.delete(tracked)) return;
    clearTimeout(tracked.timer);
    tracked.end(reason);
  }

  function armExpiry(tracked: Tracked) {
    const { expiresAt, apiKeyId } = tracked.credential;
    if (expiresAt === undefined) return;
    const wait = expiresAt - Date.now();
    tracked.timer = setTimeout(
      () => {
        if (expiresAt - Date.now() > 0) armExpiry(tracked);
        else finish(tracked, apiKeyId ? "CREDENTIAL_EXPIRED" : "TOKEN_EXPIRED");
      },
      Math.min(Math.max(wait, 0), MAX_TIMER_MS),
    );
    tracked.timer.unref();
  }

  events.subscribe((event) => {
    for (const tracked of [...live]) if (matches(event, tracked.credential)) finish(tracked, event.reason);
    if ("workspaceId" in event) {
      for (const stream of [...followed]) {
        if (stream.reader.userId === event.userId && stream.reader.memberships.has(event.workspaceId)) stream.end();
      }
    }
  });
  events.onGap(() => {
    revalidate().catch((error: unknown) => log.warn({ err: error }, "could not revalidate live credentials after a gap"));
    revalidateMemberships().catch((error: unknown) => log.warn({ err: error }, "could not revalidate live memberships after a gap"));
  });

  /** Membership events may have been lost: end the streams whose memberships changed meanwhile. */
  async function revalidateMemberships() {
    const all = [...followed];
    if (all.length === 0) return;
    const userIds = [...new Set(all.map(({ reader }) => reader.userId))];
    const workspaceIds = [...new Set(all.flatMap(({ reader }) => [...reader.memberships.keys()]))];
    const rows = await db.membership.findMany({
      where: { userId: { in: userIds }, workspaceId: { in: workspaceIds } },
      select: { userId: true, workspaceId: true, role: true },
    });
    const roles = new Map(rows.map((row) => [`${row.userId}:${row.workspaceId}`, row.role as string]));
    let ended = 0;
    for (const stream of all) {
      const { userId, memberships } = stream.reader;
      if ([...memberships].some(([workspaceId, role]) => roles.get(`${userId}:${workspaceId}`) !== role)) {
        ended++;
        stream.end();
      }
    }
    if (ended > 0) log.info({ ended }, "ended live streams whose memberships changed while messages were lost");
  }

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
    follow(source, reader) {
      if (reader.memberships.size === 0) return source;
      const entry: FollowedStream = { reader, end: () => {} };
      const { stream, end } = endableStream(source, () => followed.delete(entry));
      entry.end = end;
      followed.add(entry);
      return stream;
    },
    get size() {
      return live.size + followed.size;
    },
    close() {
      for (const tracked of live) clearTimeout(tracked.timer);
      live.clear();
      followed.clear();
    },
  };
}
