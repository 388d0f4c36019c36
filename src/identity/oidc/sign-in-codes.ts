import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { unauthenticated } from "../../platform/errors.js";
import { parseInput } from "../../platform/validation.js";
import type { Services } from "../../services.js";
import { startSession } from "../sessions.js";

/** A mobile app has this long to exchange its code: it arrives at the app at once. */
export const SIGN_IN_CODE_TTL_MS = 60_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest();
// RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~].
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
export const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** A one-time code for the app's redirect URI, bound to the PKCE challenge the app sent. */
export async function issueSignInCode(db: Db, userId: string, codeChallenge: string): Promise<string> {
  const code = `lgc_${randomBytes(32).toString("base64url")}`;
  const now = Date.now();
  await db.signInCode.create({
    data: { userId, codeHash: sha256(code).toString("hex"), codeChallenge, createdAt: new Date(now), expiresAt: new Date(now + SIGN_IN_CODE_TTL_MS) },
  });
  // Housekeeping: codes are worthless a minute after they were issued.
  await db.signInCode.deleteMany({ where: { expiresAt: { lt: new Date(now - 3_600_000) } } });
  return code;
}

const exchangeSchema = z.object({
  code: z.string().min(1, "is required").max(200),
  codeVerifier: z.string().regex(CODE_VERIFIER, "must be the PKCE code_verifier: 43–128 characters of A–Z a–z 0–9 - . _ ~"),
});

/**
 * Exchanges a mobile sign-in code for a session: once, within a minute, and only with the
 * verifier whose challenge started the sign-in (so another app that intercepted the redirect
 * cannot use the code). Any failed attempt burns the code.
 */
export async function exchangeSignInCode(services: Pick<Services, "db" | "accessTokens" | "config">, input: { code: string; codeVerifier: string }) {
  const { code, codeVerifier } = parseInput(exchangeSchema, input);
  const { db } = services;
  const refused = () => unauthenticated("This sign-in code is invalid, expired or already used; sign in again");
  const stored = await db.signInCode.findUnique({ where: { codeHash: sha256(code).toString("hex") }, include: { user: true } });
  if (!stored) throw refused();
  const claimed = await db.signInCode.updateMany({
    where: { id: stored.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) throw refused();
  const challenge = Buffer.from(sha256(codeVerifier).toString("base64url"));
  const expected = Buffer.from(stored.codeChallenge);
  if (challenge.length !== expected.length || !timingSafeEqual(challenge, expected)) throw refused();
  return startSession(services, stored.user);
}
