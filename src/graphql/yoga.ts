import { randomUUID } from "node:crypto";
import { createYoga } from "graphql-yoga";
import { useQueuedCookies } from "../identity/refresh-cookie.js";
import { clientIpOf } from "../platform/client-ip.js";
import type { Services } from "../services.js";
import type { GraphQLContext } from "./context.js";
import type { StaticAssets } from "../platform/static-assets.js";
import { useCompiledOperations } from "./compiled-operations.js";
import { useErrorCodes } from "./error-codes-plugin.js";
import { createGraphiQLRenderer, GRAPHIQL_DEFAULTS } from "./graphiql.js";
import { maskUnexpectedError } from "./mask-error.js";
import { useLiveOperations } from "./live/live-operations-plugin.js";
import { useOperationMetrics } from "./metrics-plugin.js";
import { useSharedSubscriptionFanOut } from "./live/shared-fan-out.js";
import { createGateway, RATE_LIMIT_RESPONSE_HEADERS } from "./gateway/index.js";
import { requestViewer } from "./gateway/request-state.js";
import { schema } from "./schema.js";
import { resolveActor, WORKSPACE_HEADER } from "../access/resolve-actor.js";

export function createGraphQLHandler(services: Services, assets: StaticAssets) {
  const { config, log } = services;
  const gateway = createGateway(services);
  const graphiql = config.graphiql ? createGraphiQLRenderer(assets) : undefined;
  if (graphiql) assets.waitFor(graphiql);
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: false,
    graphiql: config.graphiql ? GRAPHIQL_DEFAULTS : false,
    renderGraphiQL: async (options) => (await graphiql!)(options),
    maskedErrors: { isDev: false, maskError: (error, message) => maskUnexpectedError(error, message, log) },
    // GraphQL-over-HTTP persisted documents send `documentId` beside (or instead of) `query`.
    extraParamNames: ["documentId"],
    cors: { exposedHeaders: RATE_LIMIT_RESPONSE_HEADERS },
    plugins: [
      ...gateway.plugins,
      useLiveOperations(services),
      useSharedSubscriptionFanOut(),
      useErrorCodes(),
      useQueuedCookies(),
      useOperationMetrics(services.metrics),
      ...useCompiledOperations(),
    ],
    context: async ({ request, ...serverContext }) => {
      const requestId = request.headers.get("x-request-id") ?? randomUUID();
      const viewer = await requestViewer(request, services);
      return {
        services,
        viewer,
        actor: resolveActor(services.db, viewer, { workspaceId: request.headers.get(WORKSPACE_HEADER) }),
        clientIp: clientIpOf(serverContext, config.trustProxy),
        request,
        requestId,
        log: log.child({ requestId }),
      };
    },
  });
  // The WebSocket transport reuses this Yoga (getEnveloped) and the gateway's manifests.
  return Object.assign(yoga, { gateway });
}
