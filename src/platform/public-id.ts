import { Buffer } from "node:buffer";
import { z } from "zod";
import { badInput } from "./errors.js";

/**
 * THE public id format, shared by GraphQL (global IDs), REST and webhook payloads: base64url of
 * "<Type>:<uuid>", e.g. toPublicId("Link", "0193…"). Encoded and decoded only at the edges and in
 * input schemas; use cases and the database work with uuids.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toPublicId = (type: string, id: string | number | bigint) => Buffer.from(`${type}:${id}`).toString("base64url");

/** Any public id; anything malformed is BAD_USER_INPUT naming `field`. */
export function parsePublicId(publicId: string, field = "id"): { type: string; id: string } {
  const decoded = Buffer.from(publicId, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 1 || !UUID.test(id) || toPublicId(type, id) !== publicId.replace(/=+$/, "")) {
    throw badInput(field, `${field} is not a valid ID`);
  }
  return { type, id };
}

/** The uuid behind a public id that must name an object of `type`. */
export function fromPublicId(type: string, publicId: string, field = "id"): string {
  const parsed = parsePublicId(publicId, field);
  if (parsed.type !== type) throw badInput(field, `${field} must be the ID of a ${type}`);
  return parsed.id;
}

const UUID_OF = (type: string) => (value: string, context: z.RefinementCtx) => {
  const decoded = Buffer.from(value, "base64url").toString("utf8");
  const id = decoded.slice(type.length + 1);
  if (!decoded.startsWith(`${type}:`) || !UUID.test(id) || toPublicId(type, id) !== value.replace(/=+$/, "")) {
    context.addIssue({ code: "custom", message: `must be the ID of a ${type}` });
    return z.NEVER;
  }
  return id;
};

/** Input schema building block: a public id of `type`, parsed to its uuid. */
export const publicId = (type: string) => z.string().transform(UUID_OF(type));
