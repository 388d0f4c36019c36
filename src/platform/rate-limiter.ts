import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "./errors.js";

export interface RateLimitDecision {
  allowed: boolean;
  /** Points per window. */
  limit: number;
  remaining: number;
  /** Milliseconds until the window resets (and, when refused, until a retry may succeed). */
  resetMs: number;
}

export interface RateLimiter {
  consume(key: string, points?: number): Promise<RateLimitDecision>;
  /** Points consumed in the key's current window, without consuming any. */
  peek(key: string): Promise<{ consumed: number; resetMs: number }>;
  /** Refuses the key for `seconds` (or, read with `peek`, marks it for that long). */
  block(key: string, seconds: number): Promise<void>;
  /** Forgets a key (e.g. a successful login clears its failure count). */
  reset(key: string): Promise<void>;
}

/**
 * A fixed-window limiter from rate-limiter-flexible: shared through Redis when a client is given
 * (every instance sees the same counters), in process memory otherwise.
 */
export function createRateLimiter(options: { name: string; points: number; durationSeconds: number; redis?: Redis; keyPrefix: string }): RateLimiter {
  const common = { points: options.points, duration: options.durationSeconds, keyPrefix: `${options.keyPrefix}rl:${options.name}` };
  const limiter = options.redis
    ? // Redis down or hung: counted in process at once (the client fails fast, see platform/redis.ts).
      new RateLimiterRedis({ ...common, storeClient: options.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(common) })
    : new RateLimiterMemory(common);
  const decision = (res: RateLimiterRes, allowed: boolean): RateLimitDecision => ({
    allowed,
    limit: options.points,
    remaining: Math.max(0, res.remainingPoints),
    resetMs: Math.max(0, res.msBeforeNext),
  });
  return {
    async consume(key, points = 1) {
      try {
        return decision(await limiter.consume(key, points), true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return decision(rejection, false);
        throw rejection;
      }
    },
    async peek(key) {
      const res = await limiter.get(key);
      return { consumed: res?.consumedPoints ?? 0, resetMs: Math.max(0, res?.msBeforeNext ?? 0) };
    },
    async block(key, seconds) {
      await limiter.block(key, seconds);
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** IETF draft RateLimit header fields (delta-seconds reset), plus the policy; Retry-After when refused. */
export function rateLimitHeaders(decision: RateLimitDecision, windowSeconds: number): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-limit": String(decision.limit),
    "ratelimit-remaining": String(decision.remaining),
    "ratelimit-reset": String(decision.allowed ? Math.ceil(decision.resetMs / 1000) : secondsUntil(decision.resetMs)),
    "ratelimit-policy": `${decision.limit};w=${windowSeconds}`,
  };
  if (!decision.allowed) headers["retry-after"] = String(secondsUntil(decision.resetMs));
  return headers;
}

/**
 * The one answer to "too many": RATE_LIMITED with `extensions.retryAfter` (seconds), and over HTTP
 * status 429 with Retry-After and the refusing policy's RateLimit headers — for the API's rate
 * limits and sign-in throttling alike.
 */
export function rateLimitedError(decision: RateLimitDecision, windowSeconds: number, message = "Rate limit exceeded") {
  const retryAfter = secondsUntil(decision.resetMs);
  return new AppError("RATE_LIMITED", `${message}: retry in ${retryAfter} s`, {
    retryAfter,
    http: { status: 429, headers: rateLimitHeaders({ ...decision, allowed: false }, windowSeconds) },
  });
}
