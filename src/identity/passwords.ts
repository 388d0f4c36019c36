import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to argon2id (m=19456 KiB, t=2, p=1: OWASP's recommended minimum).
export const hashPassword = (password: string) => hash(password);

// Verified against when the account does not exist, so a miss costs as much as a hit.
const unknownAccountHash = hash("linkgraph-timing-equaliser");

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await unknownAccountHash, password);
    return false;
  }
  return verify(passwordHash, password);
}
