import { customAlphabet } from "nanoid";

// 62^7 ≈ 3.5e12 slugs; collisions are retried by the caller, growing the length as needed.
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const generators = new Map<number, () => string>();

export function generateSlug(length = 7): string {
  let generate = generators.get(length);
  if (!generate) generators.set(length, (generate = customAlphabet(ALPHABET, length)));
  return generate();
}
