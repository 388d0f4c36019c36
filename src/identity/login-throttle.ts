import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { Config } from "../config.js";
import { createRateLimiter, rateLimitedError, type RateLimitDecision } from "../platform/rate-limiter.js";

export interface LoginThrottle {
  /** Before checking a password: counts the attempt against the address; throws RATE_LIMITED when this client must wait. */
  check(account: string, clientIp: string): Promise<void>;
  /** A wrong password, counted against this client for this account and against the account. */
  failed(account: string, clientIp: string): Promise<void>;
  /** The right password: forgives this client's failures and remembers it as one that signs in to this account. */
  succeeded(account: string, clientIp: string): Promise<void>;
}

/**
 * Password guessing is expensive without anyone being able to lock an owner out:
 * - per client address and account: after `maxFailuresPerClient` failures in a window that client
 *   must wait for the window to end (guessing one account from one address: ~10 per 15 minutes);
 * - per client address: at most `maxAttemptsPerIp` attempts in a window, whatever the accounts;
 * - per account, from every address together: past `maxFailuresPerAccount` failures in a window
 *   (a distributed guess), only clients that signed in to that account before (within
 *   `knownClientDays`) may still try. The owner at a usual address is never refused; from a new
 *   address they wait for the window, as the attackers do.
 * Counters live in Redis when there is one, so every instance counts together. Accounts are keyed by
 * a hash: no email address is written to Redis.
 */
export function createLoginThrottle(options: { config: Pick<Config, "loginThrottle" | "redisKeyPrefix">; redis?: Redis }): LoginThrottle {
  const { loginThrottle: settings, redisKeyPrefix } = options.config;
  const window = settings.windowSeconds;
  const common = { durationSeconds: window, redis: options.redis, keyPrefix: redisKeyPrefix };
  const perIp = createRateLimiter({ ...common, name: "login-ip", points: settings.maxAttemptsPerIp });
  const perClient = createRateLimiter({ ...common, name: "login-client", points: settings.maxFailuresPerClient });
  const perAccount = createRateLimiter({ ...common, name: "login-account", points: settings.maxFailuresPerAccount });
  const knownClients = createRateLimiter({ ...common, name: "login-known", points: 1, durationSeconds: settings.knownClientDays * 86_400 });
  const accountKey = (account: string) => createHash("sha256").update(account.toLowerCase()).digest("base64url").slice(0, 32);
  const clientKey = (account: string, clientIp: string) => `${accountKey(account)}:${clientIp}`;
  const refuse = (decision: RateLimitDecision) => {
    throw rateLimitedError(decision, window, "Too many sign-in attempts");
  };

  return {
    async check(account, clientIp) {
      const ip = await perIp.consume(clientIp);
      if (!ip.allowed) refuse(ip);
      const client = await perClient.peek(clientKey(account, clientIp));
      if (client.consumed >= settings.maxFailuresPerClient) {
        refuse({ allowed: false, limit: settings.maxFailuresPerClient, remaining: 0, resetMs: client.resetMs });
      }
      const whole = await perAccount.peek(accountKey(account));
      if (whole.consumed >= settings.maxFailuresPerAccount && (await knownClients.peek(clientKey(account, clientIp))).consumed === 0) {
        refuse({ allowed: false, limit: settings.maxFailuresPerAccount, remaining: 0, resetMs: whole.resetMs });
      }
    },
    async failed(account, clientIp) {
      await Promise.all([perClient.consume(clientKey(account, clientIp)), perAccount.consume(accountKey(account))]);
    },
    async succeeded(account, clientIp) {
      const key = clientKey(account, clientIp);
      await Promise.all([perClient.reset(key), knownClients.block(key, settings.knownClientDays * 86_400)]);
    },
  };
}
