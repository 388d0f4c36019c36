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

export async function startSession(services: SessionServices, user: User): Promise<Session & { sessionFamily: string }> {
  const { token, familyId } = await issueRefreshToken(services.db, user.id, services.config.refreshTokenTtlDays);
  return { ...(await withAccessToken(services, user, token, familyId)), sessionFamily: familyId };
}

export async function refreshSession(services: SessionServices, refreshToken: string): Promise<Session> {
  const rotated = await rotateRefreshToken(services.db, refreshToken, services.config.refreshTokenTtlDays);
  const user = await services.db.user.findUnique({ where: { id: rotated.userId } });
  if (!user) throw unauthenticated("Account no longer exists");
  return withAccessToken(services, user, rotated.token, rotated.familyId);
}

/**
 * Ends the refresh token's session or, with `everywhere`, every session of its user (on every
 * device). Access tokens already handed out stay valid for plain requests until they expire
 * (minutes); live operations (subscriptions) opened with them end now. Returns how many sessions
 * were still live.
 */
export async function logOut(services: Pick<Services, "db" | "credentialEvents">, refreshToken: string, options: { everywhere?: boolean } = {}) {
  const revoked = await revokeRefreshToken(services.db, refreshToken);
  if (!revoked) return { revokedSessions: 0 };
  if (!options.everywhere) {
    services.credentialEvents.publish({ sessionFamily: revoked.familyId, reason: "CREDENTIAL_REVOKED", cause: "signed_out" });
    return { revokedSessions: revoked.wasLive ? 1 : 0 };
  }
  const others = await revokeAllRefreshTokens(services.db, revoked.userId);
  services.credentialEvents.publish({ userId: revoked.userId, only: "sessions", reason: "CREDENTIAL_REVOKED", cause: "signed_out_everywhere" });
  return { revokedSessions: (revoked.wasLive ? 1 : 0) + others };
}

/** Every session of the signed-in person, on every device ("sign out everywhere"); not for API keys. */
export async function logOutEverywhere(services: Pick<Services, "db" | "credentialEvents">, actor: Actor) {
  const userId = actor.requireSession();
  const revokedSessions = await revokeAllRefreshTokens(services.db, userId);
  services.credentialEvents.publish({ userId, only: "sessions", reason: "CREDENTIAL_REVOKED", cause: "signed_out_everywhere" });
  return { revokedSessions };
}

async function withAccessToken(services: SessionServices, user: User, refreshToken: string, sessionFamily: string): Promise<Session> {
  const access = await services.accessTokens.issue({ userId: user.id, role: user.role, sessionFamily });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user };
}
