import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type PrismaTypes from "../generated/pothos-types.js";
import { getDatamodel } from "../generated/pothos-types.js";
import { forbidden, unauthenticated } from "../platform/errors.js";
import type { GraphQLContext } from "./context.js";
import { decodeGlobalId, encodeGlobalId } from "./global-id.js";

/** Configures plugins only; types live beside their domain (src/<domain>/schema.ts). */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  AuthScopes: { authenticated: boolean; admin: boolean };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  // Object fields are non-null unless they say otherwise; root fields are nullable so that a
  // failed operation answers `null` plus an error instead of nulling the whole response.
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({ authenticated: context.viewer !== null, admin: context.viewer?.role === "ADMIN" }),
    unauthorizedError: (_parent, context) => (context.viewer ? forbidden("Not allowed") : unauthenticated()),
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
    nodeQueryOptions: { nullable: true },
    nodesQueryOptions: { nullable: { list: false, items: true } },
    relayMutationFieldOptions: { nullable: true },
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, id),
    decodeGlobalID: (globalId) => decodeGlobalId(globalId),
  },
});

builder.queryType({});
builder.mutationType({});
