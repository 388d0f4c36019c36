import type { User } from "../generated/prisma/client.js";
import type { Services } from "../services.js";
import type { Actor } from "../access/actor.js";
import { issueRefreshToken, revokeAllRefreshTokens, revokeRefreshToken, rotateRefreshToken } from "./refresh-tokens.js";
import { unauthenticated } from "../platform/errors.js";

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: User;
}

type SessionServices = Pick<Services, "db" | "accessTokens" | "config">;

export async function startSession(services: SessionServices, user: User): Promise<Session> {
  const refreshToken = await issueRefreshToken(services.db, user.id, services.config.refreshTokenTtlDays);
  return withAccessToken(services, user, refreshToken);
}

export async function refreshSession(services: SessionServices, refreshToken: string): Promise<Session> {
  const rotated = await rotateRefreshToken(services.db, refreshToken, services.config.refreshTokenTtlDays);
  const user = await services.db.user.findUnique({ where: { id: rotated.userId } });
  if (!user) throw unauthenticated("Account no longer exists");
  return withAccessToken(services, user, rotated.token);
}

/**
 * Ends the refresh token's session or, with `everywhere`, every session of its user (on every
 * device). Access tokens already handed out stay valid until they expire (minutes). Returns how
 * many sessions were still live.
 */
export async function logOut(services: Pick<Services, "db">, refreshToken: string, options: { everywhere?: boolean } = {}) {
  const revoked = await revokeRefreshToken(services.db, refreshToken);
  if (!revoked) return { revokedSessions: 0 };
  if (!options.everywhere) return { revokedSessions: revoked.wasLive ? 1 : 0 };
  return { revokedSessions: (revoked.wasLive ? 1 : 0) + (await revokeAllRefreshTokens(services.db, revoked.userId)) };
}

/** Every session of the signed-in person, on every device ("sign out everywhere"); not for API keys. */
export async function logOutEverywhere(services: Pick<Services, "db">, actor: Actor) {
  return { revokedSessions: await revokeAllRefreshTokens(services.db, actor.requireSession()) };
}

async function withAccessToken(services: SessionServices, user: User, refreshToken: string): Promise<Session> {
  const access = await services.accessTokens.issue({ userId: user.id, role: user.role });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user };
}
