import { type GraphQLResolveInfo, GraphQLObjectType } from "graphql";
import { Prisma } from "../generated/prisma/client.js";
import { notFound } from "../platform/errors.js";
import type { GraphQLContext } from "./context.js";
import { decodeGlobalId } from "./global-id.js";

/** A use case that answers whether the context's actor may read one object (throws NOT_FOUND/FORBIDDEN otherwise). */
export type NodeAuthorizer = (context: GraphQLContext, id: string) => Promise<void>;

const authorizers = new Map<string, NodeAuthorizer>();

/** Declares the use case that authorizes reading a type by global ID (node, nodes). Types without one are never served. */
export function nodeAuthorizer(typename: string, authorize: NodeAuthorizer) {
  authorizers.set(typename, authorize);
}

type GlobalId = { typename: string; id: string };
// Depending on plugin order the id arrives raw or parsed; a malformed one is BAD_USER_INPUT.
export const parsedGlobalId = (id: string | GlobalId, field = "id"): GlobalId => (typeof id === "string" ? decodeGlobalId(id, field) : id);

const isNodeType = (info: GraphQLResolveInfo, typename: string) => {
  const type = info.schema.getType(typename);
  return type instanceof GraphQLObjectType && type.getInterfaces().some((face) => face.name === "Node");
};

const isPrismaNotFound = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";

/**
 * Authorizes every id through its type's use case, then loads. Someone else's object, a deleted
 * one and an ID naming no node type all answer NOT_FOUND, so `node` never tells them apart.
 */
export async function authorizedNodes(context: GraphQLContext, info: GraphQLResolveInfo, ids: GlobalId[], load: () => Promise<unknown>) {
  context.actor.requireUser();
  for (const id of ids) {
    const authorize = authorizers.get(id.typename);
    if (!authorize || !isNodeType(info, id.typename)) throw notFound("Node");
    await authorize(context, id.id);
  }
  try {
    return await load();
  } catch (error) {
    if (isPrismaNotFound(error)) throw notFound(ids.length === 1 ? ids[0]!.typename : "Node");
    throw error;
  }
}

/** nodes(ids): each id on its own, so one refused id nulls only its own item. */
export async function authorizedNode(context: GraphQLContext, info: GraphQLResolveInfo, id: GlobalId, load: () => Promise<unknown>) {
  return authorizedNodes(context, info, [id], load);
}
