import { type GraphQLResolveInfo, GraphQLObjectType } from "graphql";
import { Prisma } from "../generated/prisma/client.js";
import type { AppAuthScopes } from "../identity/auth-scopes.js";
import type { ApiKeyScope } from "../identity/viewer.js";
import { notFound } from "../platform/errors.js";
import { decodeGlobalId } from "./global-id.js";

/** What `node`/`nodes` require before loading an object of a type, beyond the type's own checks. */
export type NodeScopes = { apiKeyScope: ApiKeyScope } | { session: true } | { authenticated: true };

const byTypename = new Map<string, NodeScopes>();

/** Declares what reading a type by global ID takes (e.g. Link: the LINKS_READ scope for API keys). */
export function nodeScopes(typename: string, scopes: NodeScopes) {
  byTypename.set(typename, scopes);
}

/** Types that declare nothing still need a signed-in caller. */
export const scopesForNode = (typename: string): NodeScopes => byTypename.get(typename) ?? { authenticated: true };

type GlobalId = { typename: string; id: string };
// Depending on plugin order the id arrives raw or parsed; a malformed one is BAD_USER_INPUT.
export const parsedGlobalId = (id: string | GlobalId, field = "id"): GlobalId => (typeof id === "string" ? decodeGlobalId(id, field) : id);

/** The scope map `nodes(ids)` needs: every requested type's requirement at once. */
export function scopesForNodes(ids: ReadonlyArray<string | GlobalId>) {
  const required = new Map<string, NodeScopes>();
  for (const id of ids) {
    const scopes = scopesForNode(parsedGlobalId(id, "ids").typename);
    required.set(JSON.stringify(scopes), scopes);
  }
  // Nested $all: two apiKeyScope requirements cannot share one map.
  const nest = (list: NodeScopes[]): Record<string, unknown> => (list.length <= 1 ? { ...list[0] } : { ...list[0], $all: nest(list.slice(1)) });
  return { $all: nest([...required.values()]) } as Partial<AppAuthScopes>;
}

const isNodeType = (info: GraphQLResolveInfo, typename: string) => {
  const type = info.schema.getType(typename);
  return type instanceof GraphQLObjectType && type.getInterfaces().some((face) => face.name === "Node");
};

const isPrismaNotFound = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";

/**
 * Someone else's object, a deleted one and an ID naming no node type all answer NOT_FOUND, so
 * `node` never tells them apart.
 */
export async function nodeOrNotFound(info: GraphQLResolveInfo, ids: GlobalId[], load: () => Promise<unknown>) {
  const unknown = ids.find((id) => !isNodeType(info, id.typename));
  if (unknown) throw notFound("Node");
  try {
    return await load();
  } catch (error) {
    if (isPrismaNotFound(error)) throw notFound(ids.length === 1 ? ids[0]!.typename : "Node");
    throw error;
  }
}
