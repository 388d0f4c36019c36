import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SigningKeys } from "./access-tokens.js";

const encode = (secret: string) => new TextEncoder().encode(secret);

/**
 * The signing secrets: JWT_SECRET signs (required in production; otherwise one is generated on
 * first start and kept in DATA_DIR so sessions survive restarts of a development server), and
 * JWT_PREVIOUS_SECRETS still verify what they signed.
 */
export async function loadSigningKeys(config: { jwtSecret?: string; jwtPreviousSecrets: readonly string[]; dataDir: string }): Promise<SigningKeys> {
  return {
    current: await loadSigningSecret(config.jwtSecret, config.dataDir),
    previous: config.jwtPreviousSecrets.map(encode),
  };
}

export async function loadSigningSecret(configured: string | undefined, dataDir: string): Promise<Uint8Array> {
  if (configured) return encode(configured);
  if (dataDir.startsWith("memory://")) return randomBytes(32);
  const file = path.resolve(dataDir, "jwt-secret");
  try {
    return Buffer.from((await readFile(file, "utf8")).trim(), "base64url");
  } catch {
    const secret = randomBytes(32);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, secret.toString("base64url"), { mode: 0o600 });
    return secret;
  }
}
