import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The JWT signing secret: JWT_SECRET when set (required in production); otherwise one generated
 * on first start and kept in DATA_DIR so sessions survive restarts of a development server.
 */
export async function loadSigningSecret(configured: string | undefined, dataDir: string): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
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
