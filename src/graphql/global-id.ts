// GraphQL global IDs are the public ids of src/platform/public-id.ts (one format on every surface).
import { fromPublicId, parsePublicId, toPublicId } from "../platform/public-id.js";

export const encodeGlobalId = toPublicId;

export function decodeGlobalId(globalId: string, field = "id"): { typename: string; id: string } {
  const { type, id } = parsePublicId(globalId, field);
  return { typename: type, id };
}

export const idOf = fromPublicId;
