import { errors, jwtVerify, SignJWT } from "jose";
import type { Role } from "../generated/prisma/enums.js";

export const ACCESS_TOKEN_ALGORITHM = "HS256";
export const ACCESS_TOKEN_AUDIENCE = "linkgraph";

export interface AccessTokenClaims {
  userId: string;
  role: Role;
}

export interface AccessTokenIssuer {
  issue(claims: AccessTokenClaims): Promise<{ token: string; expiresAt: Date }>;
  /** Returns the claims, or null for any invalid token (bad signature, algorithm, expiry…). */
  verify(token: string): Promise<AccessTokenClaims | null>;
}

/** Short-lived JWT access tokens; the algorithm is pinned and iss/aud/exp are always checked. */
export function createAccessTokenIssuer(options: { secret: Uint8Array; issuer: string; ttlSeconds: number }): AccessTokenIssuer {
  const { secret, issuer, ttlSeconds } = options;
  return {
    async issue({ userId, role }) {
      const issuedAt = Math.floor(Date.now() / 1000);
      const expiresAtSeconds = issuedAt + ttlSeconds;
      const token = await new SignJWT({ role })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: "JWT" })
        .setSubject(userId)
        .setIssuer(issuer)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt(issuedAt)
        .setNotBefore(issuedAt)
        .setExpirationTime(expiresAtSeconds)
        .sign(secret);
      return { token, expiresAt: new Date(expiresAtSeconds * 1000) };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          issuer,
          audience: ACCESS_TOKEN_AUDIENCE,
          requiredClaims: ["sub", "exp", "iat"],
        });
        const role = payload.role === "ADMIN" ? "ADMIN" : "USER";
        return { userId: payload.sub!, role };
      } catch (error) {
        if (error instanceof errors.JOSEError) return null;
        throw error;
      }
    },
  };
}
