import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "./logger.js";

export interface RedisSettings {
  /** A command (or a ping) taking longer than this fails; a hung server is then dropped and reconnected. */
  commandTimeoutMs: number;
}

// Reconnect quickly (a restarted Redis is used again within a second) but without spinning.
const RECONNECT_MAX_DELAY_MS = 500;
const WATCHDOG_INTERVAL_MS = 250;

/**
 * The shared command connection. It fails fast so that whatever depends on Redis falls back to
 * its in-process equivalent at once: no offline queue (a command while disconnected fails
 * immediately), no retries of commands cut by a disconnect, a timeout on every command, and a
 * watchdog that treats a server which stops answering (SIGSTOP, a stalled network) like one
 * that went away: it drops the connection, so commands fail at once until Redis answers again.
 * Pub/sub subscribers and blocking readers need their own connection: see `subscriberConnection`
 * and `blockingConnection`.
 */
export function createRedisClient(url: string, log: Logger, settings: RedisSettings): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: settings.commandTimeoutMs,
    connectTimeout: Math.max(1_000, settings.commandTimeoutMs * 2),
    retryStrategy: (attempt) => Math.min(50 * attempt, RECONNECT_MAX_DELAY_MS),
  });
  let warned = false;
  client.on("error", (error) => {
    // Once per outage is enough: a down Redis would otherwise log every reconnect attempt.
    if (!warned) log.warn({ err: error }, "redis connection error; using in-process fallbacks until it is back");
    warned = true;
  });
  client.on("ready", () => {
    if (warned) log.info("redis is reachable again");
    warned = false;
  });
  watchForStalls(client, settings.commandTimeoutMs, log);
  return client;
}

/** Whether commands can be sent now (false while disconnected, reconnecting or dropped as hung). */
export const isRedisReady = (redis: Redis | undefined): redis is Redis => redis?.status === "ready";

/** A connection for SUBSCRIBE: it queues the subscription until connected and resubscribes after reconnecting. */
export function subscriberConnection(redis: Redis): Redis {
  return redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
}

/** A connection for blocking reads (XREADGROUP BLOCK): its commands may take `blockMs` longer. */
export function blockingConnection(redis: Redis, blockMs: number): Redis {
  const timeout = redis.options.commandTimeout;
  return redis.duplicate({ commandTimeout: timeout === undefined ? undefined : timeout + blockMs });
}

function watchForStalls(client: Redis, timeoutMs: number, log: Logger) {
  let probing = false;
  // Two in a row: one timeout may only mean this process's event loop was blocked.
  let timeouts = 0;
  const timer = setInterval(() => {
    if (probing || client.status !== "ready") return;
    probing = true;
    client
      .ping()
      .then(
        () => void (timeouts = 0),
        (error: unknown) => {
          if (client.status !== "ready" || !String((error as Error)?.message).includes("timed out")) return;
          if (++timeouts < 2) return;
          timeouts = 0;
          log.warn({ timeoutMs }, "redis stopped answering: dropping the connection (fallbacks in use until it answers)");
          client.disconnect(true);
        },
      )
      .finally(() => (probing = false));
  }, WATCHDOG_INTERVAL_MS);
  timer.unref();
  client.once("end", () => clearInterval(timer));
}

export type { RedisOptions };
