import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../db/client.js";
import { unauthenticated } from "../platform/errors.js";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => `lgr_${randomBytes(32).toString("base64url")}`;

export async function issueRefreshToken(db: Db, userId: string, ttlDays: number, familyId: string = randomUUID()) {
  const token = newToken();
  await db.refreshToken.create({
    data: { userId, familyId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlDays * 86_400_000) },
  });
  return { token, familyId };
}

/**
 * Exchanges a refresh token for a new one in the same family. A token that was already rotated
 * or revoked is a sign of theft: the whole family is revoked and the caller must sign in again.
 */
export async function rotateRefreshToken(db: Db, token: string, ttlDays: number) {
  const stored = await db.refreshToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!stored) throw unauthenticated("Invalid refresh token");
  if (stored.rotatedAt || stored.revokedAt) {
    await revokeFamily(db, stored.familyId);
    throw unauthenticated("Refresh token was already used; all sessions of this sign-in were revoked");
  }
  if (stored.expiresAt <= new Date()) throw unauthenticated("Refresh token expired");
  // Conditional update: of two concurrent uses of one token, only one wins.
  const claimed = await db.refreshToken.updateMany({
    where: { id: stored.id, rotatedAt: null, revokedAt: null },
    data: { rotatedAt: new Date() },
  });
  if (claimed.count !== 1) {
    await revokeFamily(db, stored.familyId);
    throw unauthenticated("Refresh token was already used; all sessions of this sign-in were revoked");
  }
  return { userId: stored.userId, ...(await issueRefreshToken(db, stored.userId, ttlDays, stored.familyId)) };
}

/**
 * Revokes the token's family (one sign-in on one device). Returns its user and whether the
 * session was still live, or null when the token is not one of ours.
 */
export async function revokeRefreshToken(db: Db, token: string): Promise<{ userId: string; familyId: string; wasLive: boolean } | null> {
  const stored = await db.refreshToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!stored) return null;
  const { count } = await db.refreshToken.updateMany({
    where: { familyId: stored.familyId, rotatedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { revokedAt: new Date() },
  });
  await revokeFamily(db, stored.familyId);
  return { userId: stored.userId, familyId: stored.familyId, wasLive: count > 0 };
}

/** Signs a user out everywhere: revokes every family. Returns how many sessions were still live. */
export async function revokeAllRefreshTokens(db: Db, userId: string): Promise<number> {
  const now = new Date();
  const live = await db.refreshToken.count({ where: { userId, rotatedAt: null, revokedAt: null, expiresAt: { gt: now } } });
  await db.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return live;
}

/** Whether a sign-in is still live: some token of its family was not revoked (rotation keeps it live). */
export async function isSessionLive(db: Db, familyId: string): Promise<boolean> {
  return (await db.refreshToken.count({ where: { familyId, revokedAt: null } })) > 0;
}

async function revokeFamily(db: Db, familyId: string) {
  await db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
}
