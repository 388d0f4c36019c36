import type { Redis } from "ioredis";
import type { Logger } from "../platform/logger.js";
import type { TotalsMessage } from "./click-event.js";

/**
 * Announces stored totals to every instance: in process without Redis, over Redis pub/sub
 * otherwise (each instance also hears its own messages, exactly once, through Redis).
 */
export interface TotalsBus {
  publish(message: TotalsMessage): void;
  subscribe(handler: (message: TotalsMessage) => void): void;
  /** Called when messages may have been missed (the Redis subscriber reconnected). */
  onGap(handler: () => void): void;
  /** Settles once messages are being received. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function createLocalTotalsBus(): TotalsBus {
  const handlers: Array<(message: TotalsMessage) => void> = [];
  return {
    publish: (message) => handlers.forEach((handle) => handle(message)),
    subscribe: (handler) => void handlers.push(handler),
    onGap: () => {},
    ready: Promise.resolve(),
    close: async () => {},
  };
}

export function createRedisTotalsBus(redis: Redis, channel: string, log: Logger): TotalsBus {
  const subscriber = redis.duplicate();
  const handlers: Array<(message: TotalsMessage) => void> = [];
  const gapHandlers: Array<() => void> = [];
  let connectedOnce = false;
  subscriber.on("error", (error) => log.warn({ err: error }, "redis click totals subscriber"));
  subscriber.on("ready", () => {
    if (connectedOnce) gapHandlers.forEach((handle) => handle());
    connectedOnce = true;
  });
  subscriber.on("message", (_channel, text: string) => {
    let message: TotalsMessage;
    try {
      message = JSON.parse(text) as TotalsMessage;
    } catch {
      return log.warn({ channel }, "ignored a malformed click totals message");
    }
    handlers.forEach((handle) => handle(message));
  });
  const subscribed = subscriber.subscribe(channel);
  return {
    publish(message) {
      redis.publish(channel, JSON.stringify(message)).catch((error: unknown) => log.warn({ err: error }, "click totals not published"));
    },
    subscribe: (handler) => void handlers.push(handler),
    onGap: (handler) => void gapHandlers.push(handler),
    ready: subscribed.then(() => undefined, () => undefined),
    async close() {
      await subscribed.catch(() => {});
      await subscriber.quit().catch(() => {});
    },
  };
}
