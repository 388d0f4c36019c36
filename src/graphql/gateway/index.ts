import path from "node:path";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import type { Plugin } from "graphql-yoga";
import type { Services } from "../../services.js";
import { useHttpCaching } from "./http-caching.js";
import { createPersistedDocuments, type PersistedDocuments } from "./persisted-documents.js";
import { usePersistedOperationsGateway } from "./persisted-operations.js";
import { createRegisteredOperations } from "./registered-operations.js";
import { useQueryLimits } from "./query-limits.js";
import { createGraphQLRateLimits, useRateLimits, type GraphQLRateLimits } from "./rate-limits.js";

/**
 * Requests without a JSON (or other preflighted) content type, i.e. GET, must carry one of these,
 * which a browser only sends cross-origin after a CORS preflight. Apollo's clients send theirs.
 */
export const CSRF_HEADERS = ["x-graphql-csrf", "x-apollo-operation-name", "apollo-require-preflight"];

export const RATE_LIMIT_RESPONSE_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Retry-After"];

export interface Gateway {
  documents: PersistedDocuments;
  rateLimits: GraphQLRateLimits;
  plugins: Plugin[];
}

/** The API-gateway concerns of /graphql, in the order a request meets them. */
export function createGateway(services: Services): Gateway {
  const { gateway } = services.config;
  const documents = createPersistedDocuments({
    directory: path.resolve(gateway.persistedQueriesDir),
    reloadIntervalMs: gateway.persistedQueriesReloadMs,
    log: services.log,
  });
  const rateLimits = createGraphQLRateLimits(services);
  const registered = createRegisteredOperations({
    redis: services.redis,
    keyPrefix: services.config.redisKeyPrefix,
    log: services.log,
    ...gateway.apq,
  });
  return {
    documents,
    rateLimits,
    plugins: [
      useCSRFPrevention({ requestHeaders: CSRF_HEADERS }),
      ...usePersistedOperationsGateway(services, documents, registered),
      ...useQueryLimits(gateway),
      useRateLimits(services, rateLimits),
      useHttpCaching(gateway),
    ],
  };
}
