import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type PrismaTypes from "../generated/pothos-types.js";
import { getDatamodel } from "../generated/pothos-types.js";
import { authScopesFor, unauthorizedError, type AppAuthScopes } from "../identity/auth-scopes.js";
import type { GraphQLContext } from "./context.js";
import { decodeGlobalId, encodeGlobalId } from "./global-id.js";
import { nodeOrNotFound, parsedGlobalId, scopesForNode, scopesForNodes } from "./node-auth.js";
import { notFound } from "../platform/errors.js";

/** Configures plugins only; types live beside their domain (src/<domain>/schema.ts). */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  AuthScopes: AppAuthScopes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  // Object fields are non-null unless they say otherwise; root fields are nullable so that a
  // failed operation answers `null` plus an error instead of nulling the whole response.
  defaultFieldNullability: false,
  scopeAuth: {
    // Scope meanings and the errors they produce: src/identity/auth-scopes.ts.
    authScopes: (context) => authScopesFor(context.viewer),
    unauthorizedError: (_parent, context, info, result) => unauthorizedError(context.viewer, info.parentType.name, result.failure),
    authorizeOnSubscribe: true,
  },
  prisma: {
    client: (context) => context.services.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // By global ID: each type's node scopes (src/graphql/node-auth.ts), then NOT_FOUND for what the caller may not see.
    nodeQueryOptions: {
      nullable: true,
      authScopes: (_root, args) => scopesForNode(parsedGlobalId(args.id as never).typename),
      resolve: async (_root, args, _context, info, resolveNode) => {
        const node = await nodeOrNotFound(info, [args.id], async () => resolveNode(args.id));
        if (node == null) throw notFound(args.id.typename);
        return node;
      },
    },
    nodesQueryOptions: {
      nullable: { list: false, items: true },
      authScopes: (_root, args) => scopesForNodes(args.ids as never),
      resolve: async (_root, args, _context, info, resolveNodes) => {
        const nodes = await nodeOrNotFound(info, args.ids, () => resolveNodes(args.ids));
        return (nodes as unknown[]).map((node, i) => node ?? notFound(args.ids[i]!.typename));
      },
    },
    relayMutationFieldOptions: { nullable: true },
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, id),
    decodeGlobalID: (globalId) => decodeGlobalId(globalId),
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
