import { z } from "zod";
import { badInput } from "./errors.js";

/** Parses input with a zod schema; the first problem becomes BAD_USER_INPUT naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown field is named itself: `rules[2].colour`, not its object.
  const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
  const field = fieldPath(path) || "input";
  const message = issue.code === "unrecognized_keys" ? "is not a known field" : issue.message;
  throw badInput(field, `${field}: ${message}`);
}

/** `["rules", 2, "variants", 1, "url"]` → `rules[2].variants[1].url`. */
function fieldPath(path: readonly PropertyKey[]) {
  let field = "";
  for (const segment of path) field += typeof segment === "number" ? `[${segment}]` : `${field ? "." : ""}${String(segment)}`;
  return field;
}

// C0 controls and DEL (PostgreSQL cannot store NUL in text at all), C1 controls, and the Unicode
// line/paragraph separators. Tab, line feed and carriage return are allowed where text may span lines.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string is safe to store and show: well-formed UTF-16 (no lone surrogates) without control characters. */
export function hasControlCharacters(value: string, options: { multiline?: boolean } = {}) {
  return (options.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(value) || LONE_SURROGATE.test(value);
}
