import type { Redis } from "ioredis";
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

/**
 * Publishes on the app's shared Redis connection; only the subscriber needs a connection of its
 * own (a subscribed Redis connection can issue no other commands).
 */
export function createRedisInvalidationBus(redis: Redis, channel: string, log: Logger): InvalidationBus {
  const subscriber = redis.duplicate();
  const handlers: Array<(key: string) => void> = [];
  subscriber.on("error", (error) => log.warn({ err: error }, "redis invalidation bus"));
  const subscribed = subscriber.subscribe(channel);
  subscriber.on("message", (_channel, key: string) => handlers.forEach((handle) => handle(key)));
  return {
    publish(key) {
      // Drop it here at once (read-your-writes on this instance), and everywhere else through Redis.
      handlers.forEach((handle) => handle(key));
      redis.publish(channel, key).catch((error: unknown) => log.warn({ err: error, key }, "cache invalidation not published"));
    },
    subscribe: (handler) => void handlers.push(handler),
    async close() {
      await subscribed.catch(() => {});
      await subscriber.quit().catch(() => {});
    },
  };
}
