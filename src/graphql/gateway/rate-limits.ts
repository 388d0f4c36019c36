import type { ExecutionArgs } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Viewer } from "../../identity/viewer.js";
import { clientIpOf } from "../../platform/client-ip.js";
import type { AppError } from "../../platform/errors.js";
import { createRateLimiter, rateLimitedError, rateLimitHeaders, type RateLimitDecision, type RateLimiter } from "../../platform/rate-limiter.js";
import type { Services } from "../../services.js";
import type { GraphQLContext } from "../context.js";
import { executionPoints } from "./query-cost.js";
import { requestState, requestViewerOrNull } from "./request-state.js";

export type CallerKind = "apiKey" | "user" | "anonymous";

export interface GraphQLRateLimits {
  /** Charges `points` to the caller: per API key, per user, or per client IP when anonymous. */
  charge(viewer: Viewer | null, clientIp: string, points: number): Promise<RateLimitDecision>;
}

export function createGraphQLRateLimits(services: Pick<Services, "config" | "redis">): GraphQLRateLimits {
  const { rateLimits, redisKeyPrefix } = services.config;
  const limiter = (name: string, points: number) =>
    createRateLimiter({ name, points, durationSeconds: rateLimits.windowSeconds, redis: services.redis, keyPrefix: redisKeyPrefix });
  const limiters: Record<CallerKind, RateLimiter & { points: number }> = {
    apiKey: { ...limiter("graphql:api-key", rateLimits.apiKeyPoints), points: rateLimits.apiKeyPoints },
    user: { ...limiter("graphql:user", rateLimits.userPoints), points: rateLimits.userPoints },
    anonymous: { ...limiter("graphql:ip", rateLimits.anonymousPoints), points: rateLimits.anonymousPoints },
  };
  return {
    charge(viewer, clientIp, points) {
      const [kind, key] = viewer?.apiKey
        ? (["apiKey", viewer.apiKey.id] as const)
        : viewer
          ? (["user", viewer.userId] as const)
          : (["anonymous", clientIp] as const);
      // An operation dearer than a whole window still runs once per window rather than never.
      return limiters[kind].consume(key, Math.min(points, limiters[kind].points));
    },
  };
}

/**
 * Charges every GraphQL operation its cost (see query-cost.ts) before it executes; over the limit
 * it is refused with RATE_LIMITED (HTTP 429, Retry-After). A request refused before execution
 * (unknown document, too complex, bad JSON…) costs 1 point. Every HTTP response carries the
 * caller's RateLimit-* headers.
 */
export function useRateLimits(services: Services, limits: GraphQLRateLimits): Plugin {
  const { windowSeconds } = services.config.rateLimits;

  async function beforeOperation(args: ExecutionArgs, stop: (result: { errors: AppError[] }) => void) {
    const context = args.contextValue as GraphQLContext;
    const points = executionPoints(args);
    const decision = await limits.charge(context.viewer, context.clientIp, points);
    if (context.request) requestState(context.request).rateLimit = decision;
    if (!decision.allowed) stop({ errors: [rateLimitedError(decision, windowSeconds)] });
  }

  return {
    onExecute: ({ args, setResultAndStopExecution }) => beforeOperation(args, setResultAndStopExecution),
    onSubscribe: ({ args, setResultAndStopExecution }) => beforeOperation(args, setResultAndStopExecution),
    async onResponse({ request, response, serverContext }) {
      if (request.method === "OPTIONS" || response.headers.get("content-type")?.startsWith("text/html")) return;
      // A refusal by another policy (sign-in throttling) already carries that policy's headers.
      if (response.status === 429 && response.headers.has("ratelimit-policy")) return;
      const state = requestState(request);
      state.rateLimit ??= await limits.charge(await requestViewerOrNull(request, services), clientIpOf(serverContext, services.config.trustProxy), 1);
      for (const [name, value] of Object.entries(rateLimitHeaders(state.rateLimit, windowSeconds))) response.headers.set(name, value);
    },
  };
}
