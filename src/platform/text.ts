import { z } from "zod";
import { hasControlCharacters } from "./validation.js";

/**
 * The building block of every free-text input (titles, names, descriptions, tags, lookups): refused
 * (BAD_USER_INPUT naming the field, through parseInput) when it holds control characters or broken
 * Unicode, then trimmed. `multiline` allows tab and line breaks. Chain the usual checks after it.
 */
export const text = (options: { multiline?: boolean } = {}) =>
  z
    .string()
    .refine((value) => !hasControlCharacters(value, options), {
      message: options.multiline ? "must not contain control characters" : "must not contain control characters or line breaks",
    })
    .trim();
