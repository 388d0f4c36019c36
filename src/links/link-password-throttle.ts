import type { Redis } from "ioredis";
import type { Config } from "../config.js";
import { createRateLimiter } from "../platform/rate-limiter.js";

export interface LinkPasswordThrottle {
  /** Milliseconds this client must still wait before its next password for this link is checked (0: go ahead). */
  waitMs(linkId: string, clientIp: string): Promise<number>;
  /** A wrong password: may start (or lengthen) this client's wait. */
  failed(linkId: string, clientIp: string): Promise<void>;
  /** The right password forgives this client's failures. */
  succeeded(linkId: string, clientIp: string): Promise<void>;
}

/**
 * Slows guessing of link passwords without ever locking the right password out:
 * - each client (address) gets `freeFailures` wrong passwords per link, then waits 1 s, 2 s, 4 s …
 *   (at most `maxBackoffSeconds`) between attempts: while waiting its attempts are answered 429
 *   without being checked, so guessing from one address drops from ~145/s to a few per minute;
 * - when a link sees more than `maxFailuresPerLink` failures in a window from all clients together
 *   (a guess spread over many addresses), the free failures drop to zero: every client waits after
 *   its first wrong password. A client's first attempt is always checked, so the owner (or anyone
 *   given the password) gets through from any address.
 * Counters are per (link, address), in Redis when there is one (every instance counts together).
 */
export function createLinkPasswordThrottle(options: {
  config: Pick<Config, "linkPasswordThrottle" | "redisKeyPrefix">;
  redis?: Redis;
}): LinkPasswordThrottle {
  const { linkPasswordThrottle: settings, redisKeyPrefix } = options.config;
  const common = { durationSeconds: settings.windowSeconds, redis: options.redis, keyPrefix: redisKeyPrefix };
  const failures = createRateLimiter({ ...common, name: "link-password-client", points: Number.MAX_SAFE_INTEGER });
  const waits = createRateLimiter({ ...common, name: "link-password-wait", points: 1 });
  const perLink = createRateLimiter({ ...common, name: "link-password-link", points: settings.maxFailuresPerLink });
  const key = (linkId: string, clientIp: string) => `${linkId}:${clientIp}`;

  return {
    async waitMs(linkId, clientIp) {
      const wait = await waits.peek(key(linkId, clientIp));
      return wait.consumed > 1 ? wait.resetMs : 0; // block() marks a waiting key as over its one point
    },
    async failed(linkId, clientIp) {
      const [client, link] = await Promise.all([failures.consume(key(linkId, clientIp)), perLink.consume(linkId)]);
      const count = client.limit - client.remaining;
      const free = link.allowed ? settings.freeFailures : 0;
      if (count > free) await waits.block(key(linkId, clientIp), Math.min(settings.maxBackoffSeconds, 2 ** (count - free - 1)));
    },
    async succeeded(linkId, clientIp) {
      await Promise.all([failures.reset(key(linkId, clientIp)), waits.reset(key(linkId, clientIp))]);
    },
  };
}
