import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { customAlphabet } from "nanoid";

/**
 * An API key reads `lgk_<id>_<secret>`: a fixed prefix that says what it is (and that secret
 * scanners can match), a short id users recognise in lists, and 256 random bits.
 */
export const API_KEY_PREFIX = "lgk_";
const API_KEY_PATTERN = /^lgk_([0-9A-Za-z]{8})_([0-9A-Za-z_-]{43})$/;
const shortId = customAlphabet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 8);

export const looksLikeApiKey = (credential: string) => credential.startsWith(API_KEY_PREFIX);

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export function generateApiKey() {
  const prefix = `${API_KEY_PREFIX}${shortId()}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

/** The visible prefix of a well-formed key, or undefined. */
export function apiKeyPrefixOf(key: string): string | undefined {
  const match = API_KEY_PATTERN.exec(key);
  return match ? `${API_KEY_PREFIX}${match[1]}` : undefined;
}

/** Compares the key's hash with the stored one in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
