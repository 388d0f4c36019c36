import { Redis } from "ioredis";
import type { Logger } from "./logger.js";

/**
 * Tells every instance that a cached key is stale. In-process it only fans out locally; with
 * Redis, messages cross instances (each instance also hears its own, which is harmless).
 */
export interface InvalidationBus {
  publish(key: string): void;
  subscribe(handler: (key: string) => void): void;
  close(): Promise<void>;
}

export function createLocalInvalidationBus(): InvalidationBus {
  const handlers: Array<(key: string) => void> = [];
  return {
    publish: (key) => handlers.forEach((handle) => handle(key)),
    subscribe: (handler) => void handlers.push(handler),
    close: async () => {},
  };
}

export function createRedisInvalidationBus(redisUrl: string, channel: string, log: Logger): InvalidationBus {
  const publisher = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(redisUrl, { lazyConnect: false });
  const handlers: Array<(key: string) => void> = [];
  for (const client of [publisher, subscriber]) client.on("error", (error) => log.warn({ err: error }, "redis invalidation bus"));
  void subscriber.subscribe(channel);
  subscriber.on("message", (_channel, key: string) => handlers.forEach((handle) => handle(key)));
  return {
    publish(key) {
      handlers.forEach((handle) => handle(key));
      publisher.publish(channel, key).catch((error) => log.warn({ err: error, key }, "cache invalidation not published"));
    },
    subscribe: (handler) => void handlers.push(handler),
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
