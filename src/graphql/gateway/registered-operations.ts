import { setTimeout as delay } from "node:timers/promises";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import type { Logger } from "../../platform/logger.js";

/** Documents clients registered through Automatic Persisted Queries (hash → text). */
export interface RegisteredOperations {
  get(id: string): Promise<string | null>;
  set(id: string, document: string): Promise<void>;
}

/** A Redis command slower than this is treated as failed: the in-process copy answers instead. */
const REDIS_TIMEOUT_MS = 100;

/**
 * A bounded store: an in-process LRU (at most `maxEntries` documents, `maxBytes` of text, each for
 * `ttlSeconds`), shared with every instance through Redis when there is one (keys expire after
 * `ttlSeconds`). Redis is never waited on: when it is not connected, or slower than 100 ms, a
 * lookup is a miss (the client then sends the text again) and a registration stays local.
 */
export function createRegisteredOperations(options: {
  redis?: Redis;
  keyPrefix: string;
  maxEntries: number;
  maxBytes: number;
  ttlSeconds: number;
  log: Logger;
}): RegisteredOperations {
  const { redis, keyPrefix, ttlSeconds, log } = options;
  const local = new LRUCache<string, string>({
    max: options.maxEntries,
    maxSize: options.maxBytes,
    sizeCalculation: (document) => Math.max(1, document.length),
    ttl: ttlSeconds * 1000,
  });
  const key = (id: string) => `${keyPrefix}apq:${id}`;

  async function withRedis<T>(command: (client: Redis) => Promise<T>): Promise<T | undefined> {
    if (!redis || redis.status !== "ready") return undefined;
    const timeout = new AbortController();
    try {
      return await Promise.race([command(redis), delay(REDIS_TIMEOUT_MS, undefined, { signal: timeout.signal }).catch(() => undefined)]);
    } catch (error) {
      log.warn({ err: error }, "automatic persisted queries: Redis failed, using this instance's copy");
      return undefined;
    } finally {
      timeout.abort();
    }
  }

  return {
    async get(id) {
      const known = local.get(id);
      if (known !== undefined) return known;
      const shared = await withRedis((client) => client.get(key(id)));
      if (typeof shared === "string") local.set(id, shared);
      return shared ?? null;
    },
    async set(id, document) {
      local.set(id, document);
      await withRedis((client) => client.set(key(id), document, "EX", ttlSeconds));
    },
  };
}
