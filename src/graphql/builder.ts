import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type PrismaTypes from "../generated/pothos-types.js";
import { getDatamodel } from "../generated/pothos-types.js";
import type { GraphQLContext } from "./context.js";
import { decodeGlobalId, encodeGlobalId } from "./global-id.js";
import { authorizedNode, parsedGlobalId } from "./node-auth.js";
import { notFound } from "../platform/errors.js";

/**
 * Configures plugins only; types live beside their domain (src/<domain>/schema.ts). There is no
 * authorization plugin on purpose: use cases authorize their actor (src/access), resolvers only
 * map arguments to them.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  Scalars: { DateTime: { Input: Date; Output: Date | string } };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  // Object fields are non-null unless they say otherwise; root fields are nullable so that a
  // failed operation answers `null` plus an error instead of nulling the whole response.
  defaultFieldNullability: false,
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
    // By global ID: each type's read use case (nodeAuthorizer), then NOT_FOUND for what the caller may not see.
    nodeQueryOptions: {
      nullable: true,
      resolve: async (_root, args, context, info, resolveNode) => {
        const id = parsedGlobalId(args.id as never);
        const node = await authorizedNode(context, info, id, async () => resolveNode(args.id));
        if (node == null) throw notFound(id.typename);
        return node;
      },
    },
    nodesQueryOptions: {
      nullable: { list: false, items: true },
      resolve: async (_root, args, context, info, resolveNodes) => {
        const ids = (args.ids as never[]).map((id) => parsedGlobalId(id, "ids"));
        context.actor.requireUser();
        // Each id on its own: one refused id nulls only its own item.
        const refusals = await Promise.all(
          ids.map((id) =>
            authorizedNode(context, info, id, async () => null).then(
              () => null,
              (error: unknown) => error,
            ),
          ),
        );
        // resolveNodes loads every requested id: refused ones are replaced by their error, never shown.
        const loaded = refusals.some((refusal) => refusal === null) ? ((await resolveNodes(args.ids)) as unknown[]) : [];
        return ids.map((id, i) => refusals[i] ?? loaded[i] ?? notFound(id.typename));
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
