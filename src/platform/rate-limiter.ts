import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

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
  /** Forgets a key (e.g. a successful login clears its failure count). */
  reset(key: string): Promise<void>;
}

/**
 * A fixed-window limiter from rate-limiter-flexible: shared through Redis when a client is given
 * (every instance sees the same counters), in process memory otherwise.
 */
export function createRateLimiter(options: {
  name: string;
  points: number;
  durationSeconds: number;
  redis?: Redis;
  keyPrefix: string;
}): RateLimiter {
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
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
