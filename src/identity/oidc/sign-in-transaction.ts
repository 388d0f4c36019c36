import { hkdfSync } from "node:crypto";
import { EncryptJWT, errors, jwtDecrypt } from "jose";
import { keyIdOf, type SigningKeys } from "../access-tokens.js";

/** Where the person goes once signed in: back into the web app, or to a registered mobile app. */
export type SignInTarget = { kind: "web"; returnTo: string } | { kind: "mobile"; redirectUri: string; codeChallenge: string; appState?: string };

/** What the callback needs to finish a sign-in it started: kept by the browser, sealed. */
export interface SignInTransaction {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  target: SignInTarget;
}

export const TRANSACTION_TTL_SECONDS = 600;

export interface TransactionSealer {
  seal(transaction: SignInTransaction): Promise<string>;
  /** The transaction, or undefined when the cookie is missing, forged, from elsewhere or expired. */
  open(sealed: string | undefined, provider: string): Promise<SignInTransaction | undefined>;
}

/**
 * The transaction travels in a cookie encrypted (A256GCM) with a key derived from the signing
 * secrets, so any instance can finish a sign-in another one started, and the PKCE verifier and
 * nonce stay unreadable to the browser.
 */
export function createTransactionSealer(keys: SigningKeys): TransactionSealer {
  const derive = (secret: Uint8Array) => new Uint8Array(hkdfSync("sha256", secret, new Uint8Array(), "linkgraph oidc sign-in transaction", 32));
  const byKeyId = new Map([keys.current, ...keys.previous].map((secret) => [keyIdOf(secret), derive(secret)] as const));
  const currentKeyId = keyIdOf(keys.current);

  return {
    seal: (transaction) =>
      new EncryptJWT({ txn: transaction })
        .setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: currentKeyId })
        .setIssuedAt()
        .setExpirationTime(`${TRANSACTION_TTL_SECONDS}s`)
        .encrypt(byKeyId.get(currentKeyId)!),
    async open(sealed, provider) {
      if (!sealed) return undefined;
      try {
        const { payload } = await jwtDecrypt(sealed, (header) => byKeyId.get(header.kid ?? "") ?? new Uint8Array(32), {
          keyManagementAlgorithms: ["dir"],
          contentEncryptionAlgorithms: ["A256GCM"],
        });
        const transaction = payload.txn as SignInTransaction | undefined;
        return transaction?.provider === provider ? transaction : undefined;
      } catch (error) {
        if (error instanceof errors.JOSEError || error instanceof TypeError) return undefined;
        throw error;
      }
    },
  };
}
