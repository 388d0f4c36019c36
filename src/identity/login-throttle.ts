import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { Config } from "../config.js";
import { AppError } from "../platform/errors.js";
import { createRateLimiter } from "../platform/rate-limiter.js";

export interface LoginThrottle {
  /** Counts one attempt against the account and the address; throws RATE_LIMITED when either had too many. */
  attempt(account: string, clientIp: string): Promise<void>;
  /** A successful sign-in forgives the account's failures. */
  succeeded(account: string): Promise<void>;
}

/**
 * Password guessing is slowed per account (failures since the last success) and per client
 * address (all attempts), in Redis when there is one so every instance counts together.
 * Accounts are keyed by a hash: no email address is written to Redis.
 */
export function createLoginThrottle(options: { config: Pick<Config, "loginThrottle" | "redisKeyPrefix">; redis?: Redis }): LoginThrottle {
  const { loginThrottle, redisKeyPrefix } = options.config;
  const common = { durationSeconds: loginThrottle.windowSeconds, redis: options.redis, keyPrefix: redisKeyPrefix };
  const perAccount = createRateLimiter({ ...common, name: "login-account", points: loginThrottle.maxFailuresPerAccount });
  const perIp = createRateLimiter({ ...common, name: "login-ip", points: loginThrottle.maxAttemptsPerIp });
  const accountKey = (account: string) => createHash("sha256").update(account).digest("base64url").slice(0, 32);

  return {
    async attempt(account, clientIp) {
      for (const [limiter, key] of [[perIp, clientIp], [perAccount, accountKey(account)]] as const) {
        const decision = await limiter.consume(key);
        if (!decision.allowed) {
          const retryAfter = Math.max(1, Math.ceil(decision.resetMs / 1000));
          throw new AppError("RATE_LIMITED", `Too many sign-in attempts; try again in ${retryAfter} seconds`, { retryAfter });
        }
      }
    },
    async succeeded(account) {
      await perAccount.reset(accountKey(account));
    },
  };
}
