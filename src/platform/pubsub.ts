import type { Redis } from "ioredis";
import type { Logger } from "./logger.js";
import { subscriberConnection } from "./redis.js";

/**
 * A message channel to every instance. Without Redis it only reaches this process. With Redis,
 * pub/sub can lose messages (a failed publish, a subscriber reconnecting): then every instance is
 * told there was a *gap*, and reconciles what the channel carries from the database.
 */
export interface Channel<T> {
  /** Never throws, never waits. Handlers on this instance hear it exactly once. */
  publish(message: T): void;
  subscribe(handler: (message: T) => void): void;
  /**
   * Messages may have been missed: this instance's subscriber reconnected, or an instance could
   * not publish (it announces that once Redis is back).
   */
  onGap(handler: () => void): void;
}

export interface PubSub {
  channel<T>(name: string): Channel<T>;
  /** Settles once subscribed (or after `timeoutMs`: start-up never waits on a down Redis). */
  ready(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export function createLocalPubSub(): PubSub {
  return {
    channel<T>() {
      const handlers: Array<(message: T) => void> = [];
      const channel: Channel<T> = {
        publish: (message: T) => handlers.forEach((handle) => handle(message)),
        subscribe: (handler: (message: T) => void) => void handlers.push(handler),
        onGap: () => {},
      };
      return channel;
    },
    ready: async () => {},
    close: async () => {},
  };
}

const GAP_RETRY_MS = 200;
type Envelope = { m: unknown; from: string } | { gap: true; from: string };

/**
 * All channels share one subscriber connection; messages travel in an envelope naming the
 * publishing instance, so its own handlers (which already heard the message in process) skip it.
 * A publish that fails is delivered locally, and a gap notice is sent as soon as Redis answers.
 */
export function createRedisPubSub(options: { redis: Redis; prefix: string; instance: string; log: Logger }): PubSub {
  const { redis, prefix, instance, log } = options;
  const subscriber = subscriberConnection(redis);
  const channels = new Map<string, { handlers: Array<(message: unknown) => void>; gapHandlers: Array<() => void>; gapPending: boolean }>();
  let subscribedOnce = false;
  let subscribing: Promise<unknown> = Promise.resolve();
  let retryTimer: NodeJS.Timeout | undefined;
  let warned = false;

  subscriber.on("error", (error) => {
    if (!warned) log.warn({ err: error }, "redis pub/sub subscriber error");
    warned = true;
  });
  subscriber.on("ready", () => {
    warned = false;
    // ioredis resubscribes on reconnect; whatever was published meanwhile is lost to us.
    if (subscribedOnce) for (const channel of channels.values()) channel.gapHandlers.forEach((handle) => handle());
    subscribedOnce = true;
  });
  subscriber.on("message", (fullName: string, text: string) => {
    const channel = channels.get(fullName);
    if (!channel) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      return log.warn({ channel: fullName }, "ignored a malformed pub/sub message");
    }
    if ("gap" in envelope) return channel.gapHandlers.forEach((handle) => handle());
    if (envelope.from === instance) return;
    channel.handlers.forEach((handle) => handle(envelope.m));
  });

  function announceGaps() {
    retryTimer = undefined;
    for (const [fullName, channel] of channels) {
      if (!channel.gapPending) continue;
      redis.publish(fullName, JSON.stringify({ gap: true, from: instance })).then(
        () => void (channel.gapPending = false),
        () => scheduleGapAnnouncement(),
      );
    }
  }
  function scheduleGapAnnouncement() {
    retryTimer ??= setTimeout(announceGaps, GAP_RETRY_MS);
    retryTimer.unref?.();
  }

  return {
    channel<T>(name: string): Channel<T> {
      const fullName = `${prefix}${name}`;
      const channel = { handlers: [] as Array<(message: unknown) => void>, gapHandlers: [] as Array<() => void>, gapPending: false };
      channels.set(fullName, channel);
      subscribing = Promise.all([
        subscribing,
        subscriber.subscribe(fullName).catch((error: unknown) => log.warn({ err: error, channel: fullName }, "redis subscribe failed")),
      ]);
      return {
        publish(message) {
          channel.handlers.forEach((handle) => handle(message));
          redis.publish(fullName, JSON.stringify({ m: message, from: instance })).catch((error: unknown) => {
            log.warn({ err: error, channel: fullName }, "not published through redis; other instances will reconcile once it is back");
            channel.gapPending = true;
            scheduleGapAnnouncement();
          });
        },
        subscribe: (handler) => void channel.handlers.push(handler as (message: unknown) => void),
        onGap: (handler) => void channel.gapHandlers.push(handler),
      };
    },
    ready: (timeoutMs) => Promise.race([subscribing.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]),
    async close() {
      if (retryTimer) clearTimeout(retryTimer);
      // Not QUIT: with Redis down it would wait in the offline queue forever.
      subscriber.disconnect();
    },
  };
}
