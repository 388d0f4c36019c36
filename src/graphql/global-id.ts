import { Buffer } from "node:buffer";
import { badInput } from "../platform/errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const encodeGlobalId = (typename: string, id: string | number | bigint) =>
  Buffer.from(`${typename}:${id}`).toString("base64url");

/** Decodes a global ID; anything malformed is BAD_USER_INPUT rather than an internal error. */
export function decodeGlobalId(globalId: string, field = "id"): { typename: string; id: string } {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 1 || !UUID.test(id) || encodeGlobalId(typename, id) !== globalId.replace(/=+$/, "")) {
    throw badInput(field, `${field} is not a valid ID`);
  }
  return { typename, id };
}

/** The database id behind a global ID that must name an object of `typename`. */
export function idOf(typename: string, globalId: string, field = "id"): string {
  const decoded = decodeGlobalId(globalId, field);
  if (decoded.typename !== typename) throw badInput(field, `${field} must be the ID of a ${typename}`);
  return decoded.id;
}
