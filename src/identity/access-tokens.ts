import { createHash } from "node:crypto";
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from "jose";
import { LRUCache } from "lru-cache";
import type { Role } from "../generated/prisma/enums.js";

export const ACCESS_TOKEN_ALGORITHM = "HS256";
export const ACCESS_TOKEN_AUDIENCE = "linkgraph";
// Instances' clocks differ a little: a token minted on one must be valid at once on another.
const CLOCK_TOLERANCE_SECONDS = 5;
// Verifying a signature (WebCrypto) costs more than the rest of a small request; a token string
// verified once stays valid until its expiry, so the verdict is remembered (the whole token,
// signature included, is the key). Past its expiry a remembered token is refused as jose would.
const VERIFIED_CACHE_SIZE = 10_000;

export interface AccessTokenClaims {
  userId: string;
  role: Role;
  /** The sign-in (refresh-token family) the token was issued for: live operations end with it. */
  sessionFamily?: string;
}

/** A verified token, with when it stops being valid (epoch ms). */
export interface VerifiedAccessToken extends AccessTokenClaims {
  expiresAt: number;
}

/** Why a token was refused: an expired one is worth refreshing, an invalid one is not. */
export type AccessTokenFailure = "TOKEN_EXPIRED" | "TOKEN_INVALID";

/** The signing secrets: `current` signs, every one verifies (JWT_SECRET, JWT_PREVIOUS_SECRETS). */
export interface SigningKeys {
  current: Uint8Array;
  previous: readonly Uint8Array[];
}

export interface AccessTokenIssuer {
  issue(claims: AccessTokenClaims): Promise<{ token: string; expiresAt: Date }>;
  /** Returns the claims, or why the token is refused (bad signature, algorithm, expiry…). */
  verify(token: string): Promise<VerifiedAccessToken | { failure: AccessTokenFailure }>;
  /** The `kid` new tokens carry. */
  readonly currentKeyId: string;
}

/** A key's id: a short fingerprint, so rotating is only a matter of moving secrets between settings. */
export const keyIdOf = (secret: Uint8Array) =>
  createHash("sha256").update("linkgraph access-token key id\0").update(secret).digest("base64url").slice(0, 16);

/**
 * Short-lived JWT access tokens. The algorithm is pinned and iss/aud/exp/nbf are always checked.
 * Each token names its key (`kid`); after a rotation, tokens signed with a previous key verify
 * until they expire. A token without `kid` (minted before kids existed) is checked against the
 * current key only.
 */
export function createAccessTokenIssuer(options: { keys: SigningKeys; issuer: string; ttlSeconds: number }): AccessTokenIssuer {
  const { keys, issuer, ttlSeconds } = options;
  const currentKeyId = keyIdOf(keys.current);
  const byKeyId = new Map([keys.current, ...keys.previous].map((secret) => [keyIdOf(secret), secret] as const));
  const verified = new LRUCache<string, VerifiedAccessToken>({ max: VERIFIED_CACHE_SIZE });

  function keyFor(token: string): Uint8Array | undefined {
    try {
      const { kid } = decodeProtectedHeader(token);
      return kid === undefined ? keys.current : byKeyId.get(kid);
    } catch {
      return undefined;
    }
  }

  return {
    currentKeyId,
    async issue({ userId, role, sessionFamily }) {
      const issuedAt = Math.floor(Date.now() / 1000);
      const expiresAtSeconds = issuedAt + ttlSeconds;
      const token = await new SignJWT(sessionFamily ? { role, sid: sessionFamily } : { role })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: "JWT", kid: currentKeyId })
        .setSubject(userId)
        .setIssuer(issuer)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt(issuedAt)
        .setNotBefore(issuedAt)
        .setExpirationTime(expiresAtSeconds)
        .sign(keys.current);
      return { token, expiresAt: new Date(expiresAtSeconds * 1000) };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        if (Date.now() >= known.expiresAt + CLOCK_TOLERANCE_SECONDS * 1000) {
          verified.delete(token);
          return { failure: "TOKEN_EXPIRED" };
        }
        return { ...known };
      }
      const key = keyFor(token);
      if (!key) return { failure: "TOKEN_INVALID" };
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          issuer,
          audience: ACCESS_TOKEN_AUDIENCE,
          requiredClaims: ["sub", "exp", "iat"],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        });
        const role = payload.role === "ADMIN" ? "ADMIN" : "USER";
        const sessionFamily = typeof payload.sid === "string" ? payload.sid : undefined;
        const claims: VerifiedAccessToken = { userId: payload.sub!, role, sessionFamily, expiresAt: payload.exp! * 1000 };
        verified.set(token, claims);
        return claims;
      } catch (error) {
        // jose checks the signature before the claims: only a genuine token can be "expired".
        if (error instanceof errors.JWTExpired) return { failure: "TOKEN_EXPIRED" };
        if (error instanceof errors.JOSEError) return { failure: "TOKEN_INVALID" };
        throw error;
      }
    },
  };
}
