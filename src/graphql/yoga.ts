import { randomUUID } from "node:crypto";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, maskError as defaultMaskError } from "graphql-yoga";
import { useQueuedCookies } from "../identity/refresh-cookie.js";
import { clientIpOf } from "../platform/client-ip.js";
import type { Services } from "../services.js";
import type { GraphQLContext } from "./context.js";
import { useErrorCodes } from "./error-codes-plugin.js";
import { useLiveOperations } from "./live/live-operations-plugin.js";
import { useOperationMetrics } from "./metrics-plugin.js";
import { createGateway, RATE_LIMIT_RESPONSE_HEADERS } from "./gateway/index.js";
import { requestViewer } from "./gateway/request-state.js";
import { schema } from "./schema.js";
import { resolveActor, WORKSPACE_HEADER } from "../access/resolve-actor.js";

export function createGraphQLHandler(services: Services) {
  const { config, log } = services;
  const gateway = createGateway(services);
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: false,
    graphiql: config.graphiql ? { title: "Linkgraph GraphiQL" } : false,
    renderGraphiQL,
    maskedErrors: {
      maskError(error, message, isDev) {
        const masked = defaultMaskError(error, message, isDev);
        // Only what gets masked is unexpected: GraphQL errors the client caused (a missing CSRF
        // header, a mutation over GET, a refused query) reach it as they are and are not logged.
        if (masked !== error) {
          const original = (error as { originalError?: unknown }).originalError;
          log.error({ err: original ?? error }, "unexpected error in GraphQL operation");
          if (masked instanceof Error && "extensions" in masked) (masked.extensions as Record<string, unknown>).code = "INTERNAL_SERVER_ERROR";
        }
        return masked;
      },
    },
    // GraphQL-over-HTTP persisted documents send `documentId` beside (or instead of) `query`.
    extraParamNames: ["documentId"],
    cors: { exposedHeaders: RATE_LIMIT_RESPONSE_HEADERS },
    plugins: [...gateway.plugins, useLiveOperations(services), useErrorCodes(), useQueuedCookies(), useOperationMetrics(services.metrics)],
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
