import type { Redis } from "ioredis";
import type { Logger } from "../platform/logger.js";
import { blockingConnection, isRedisReady } from "../platform/redis.js";
import type { EnrichedClick } from "./click-event.js";
import type { ClickSink } from "./click-pipeline.js";

type StreamEntry = [id: string, fields: string[]];

export interface RedisStreamOptions {
  redis: Redis;
  /** The stream's key (under REDIS_KEY_PREFIX). */
  key: string;
  group: string;
  /** This instance's consumer name. */
  consumer: string;
  /**
   * Stores a batch (and announces the totals, with `batches`: the ids of the stream batches it
   * stored, so their senders can forget them); throws to have it retried.
   */
  store(clicks: EnrichedClick[], batches: string[]): Promise<void>;
  log: Logger;
  /** How long an entry may stay unacknowledged before another instance takes it over. */
  claimIdleMs: number;
  blockMs: number;
}

export interface RedisStreamSink extends ClickSink {
  /** Batches announced as stored (by any instance): this instance no longer needs to keep them. */
  confirm(batches: readonly string[]): void;
  /** Redis may have lost entries (it restarted, messages were missed): store what is unconfirmed directly. */
  recover(): void;
}

const ENTRIES_PER_READ = 20;
const CONSUMER_FORGET_MS = 3_600_000;
const RETRY_MAX_MS = 1_000;

/**
 * Clicks through a Redis stream read by a consumer group: every instance appends its batches
 * (one entry per batch) and every instance consumes, so whichever has capacity writes them.
 * An entry is acknowledged (and deleted) only after its batch is stored; entries a crashed
 * instance had read but not stored stay pending and are taken over with XAUTOCLAIM once idle
 * for claimIdleMs. Stored clicks are keyed by their id, so a batch stored twice counts once.
 *
 * Redis is not trusted to keep what it holds: the sender keeps each batch until some instance
 * announces it stored, and stores it itself when Redis restarted or the announcement is overdue.
 * While Redis is unreachable, batches are stored directly. A group that vanished (Redis restarted
 * empty: NOGROUP) is created again.
 */
export function createRedisStreamSink(options: RedisStreamOptions): RedisStreamSink {
  const { redis, key, group, consumer, log } = options;
  const reader = blockingConnection(redis, options.blockMs);
  let readerId: number | undefined;
  reader.on("error", () => {}); // the read loop logs what matters
  reader.on(
    "ready",
    () =>
      void reader.client("ID").then(
        (id) => (readerId = id as number),
        () => {},
      ),
  );
  const stopping = new AbortController();
  let stopped = false;
  const processing = new Set<Promise<void>>();
  /** Batches this instance appended that nobody has announced as stored yet. */
  const unconfirmed = new Map<string, { clicks: EnrichedClick[]; at: number }>();
  let sequence = 0;
  let recovering: Promise<void> | null = null;

  async function ensureGroup() {
    try {
      await redis.xgroup("CREATE", key, group, "0", "MKSTREAM");
      log.info({ key, group }, "created the click stream consumer group");
    } catch (error) {
      if (!String((error as Error).message).includes("BUSYGROUP")) throw error;
    }
  }
  const isNoGroup = (error: unknown) => String((error as Error)?.message).includes("NOGROUP");

  async function storeWithRetry(clicks: EnrichedClick[], batches: string[]): Promise<boolean> {
    let wait = 100;
    for (;;) {
      try {
        await options.store(clicks, batches);
        return true;
      } catch (error) {
        // Left pending: this instance or another takes it over later.
        if (stopped) return false;
        log.warn({ err: error, clicks: clicks.length, retryInMs: wait }, "clicks from the stream not stored; retrying");
        await sleep(wait, stopping.signal);
        wait = Math.min(wait * 2, 5_000);
      }
    }
  }

  function consumeEntries(entries: StreamEntry[]): Promise<void> {
    const work = (async () => {
      const clicks: EnrichedClick[] = [];
      const ids: string[] = [];
      const batches: string[] = [];
      for (const [id, fields] of entries) {
        ids.push(id);
        const field = (name: string) => {
          const at = fields.indexOf(name);
          return at >= 0 ? fields[at + 1] : undefined;
        };
        const batch = field("batch");
        if (batch) batches.push(batch);
        try {
          clicks.push(...(JSON.parse(field("clicks") ?? "") as EnrichedClick[]));
        } catch {
          log.error({ id }, "dropped a malformed click stream entry");
        }
      }
      if (clicks.length > 0 && !(await storeWithRetry(clicks, batches))) return;
      if (ids.length > 0) {
        // Stored: if this fails the entries stay pending and are stored again (once) later.
        await redis
          .multi()
          .xack(key, group, ...ids)
          .xdel(key, ...ids)
          .exec()
          .catch((error: unknown) => log.warn({ err: error }, "could not acknowledge stored click stream entries"));
      }
    })();
    processing.add(work);
    return work.finally(() => processing.delete(work));
  }

  async function readLoop() {
    let wait = 100;
    let groupChecked = false;
    while (!stopped) {
      if (!isRedisReady(reader) || !isRedisReady(redis)) {
        // Disconnected (the outage is logged by the connection): wait for it quietly.
        await sleep(100, stopping.signal);
        continue;
      }
      try {
        if (!groupChecked) {
          await ensureGroup();
          groupChecked = true;
        }
        const reply = (await reader.xreadgroup(
          "GROUP",
          group,
          consumer,
          "COUNT",
          ENTRIES_PER_READ,
          "BLOCK",
          options.blockMs,
          "STREAMS",
          key,
          ">",
        )) as Array<[string, StreamEntry[]]> | null;
        if (reply?.[0]?.[1].length) await consumeEntries(reply[0][1]);
        wait = 100;
      } catch (error) {
        if (stopped) break;
        if (isNoGroup(error)) {
          // Redis restarted empty: the group is gone. Create it again and read on.
          log.warn({ key, group }, "the click stream consumer group vanished (Redis restarted?); creating it again");
          groupChecked = false;
          recover();
          continue;
        }
        if (wait === 100) log.warn({ err: error }, "reading the click stream failed; retrying");
        await sleep(wait, stopping.signal);
        wait = Math.min(wait * 2, RETRY_MAX_MS);
      }
    }
  }

  let claiming = false;
  let lastConsumerSweep = Date.now();
  async function claimIdle() {
    if (claiming || stopped) return;
    claiming = true;
    try {
      storeOverdue();
      if (!isRedisReady(redis)) return;
      let cursor = "0-0";
      for (let round = 0; round < 10; round++) {
        const [next, entries] = (await redis.xautoclaim(key, group, consumer, options.claimIdleMs, cursor, "COUNT", ENTRIES_PER_READ)) as [
          string,
          StreamEntry[],
        ];
        const live = entries.filter((entry) => entry && entry[1]);
        if (live.length > 0) {
          log.info({ entries: live.length }, "took over click stream entries left pending by another instance");
          await consumeEntries(live);
        }
        cursor = next;
        if (cursor === "0-0") break;
      }
      if (Date.now() - lastConsumerSweep > CONSUMER_FORGET_MS / 4) {
        lastConsumerSweep = Date.now();
        await forgetDeadConsumers();
      }
    } catch (error) {
      if (isNoGroup(error)) await ensureGroup().catch(() => {});
      else log.warn({ err: error }, "claiming idle click stream entries failed");
    } finally {
      claiming = false;
    }
  }

  /** Consumers of instances long gone, with nothing pending, are removed from the group. */
  async function forgetDeadConsumers() {
    const consumers = (await redis.xinfo("CONSUMERS", key, group)) as Array<Array<string | number>>;
    for (const info of consumers) {
      const fields = Object.fromEntries(
        info.reduce<Array<[string, string | number]>>((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [String(value), all[i + 1]!]] : pairs), []),
      );
      if (fields.name !== consumer && Number(fields.pending) === 0 && Number(fields.idle) > CONSUMER_FORGET_MS) {
        await redis.xgroup("DELCONSUMER", key, group, String(fields.name));
      }
    }
  }

  /** Stores unconfirmed batches directly (all of them, or those older than `olderThan`). Stored twice counts once. */
  function storeUnconfirmed(olderThan = Infinity): Promise<void> {
    recovering ??= (async () => {
      const now = Date.now();
      const due = [...unconfirmed].filter(([, batch]) => olderThan === Infinity || now - batch.at >= olderThan);
      if (due.length === 0) return;
      const ids = due.map(([id]) => id);
      const clicks = due.flatMap(([, batch]) => batch.clicks);
      try {
        await options.store(clicks, []);
        for (const id of ids) unconfirmed.delete(id);
        log.info({ batches: ids.length, clicks: clicks.length }, "stored click batches Redis may have lost, directly");
      } catch (error) {
        log.warn({ err: error, batches: ids.length }, "could not store unconfirmed click batches yet; will retry");
      }
    })().finally(() => (recovering = null));
    return recovering;
  }
  function recover() {
    void storeUnconfirmed();
  }
  // Announcements can be lost: a batch nobody announced long after it could have been taken over is stored here.
  function storeOverdue() {
    const overdue = options.claimIdleMs * 2;
    for (const batch of unconfirmed.values()) {
      if (Date.now() - batch.at > overdue) return void storeUnconfirmed(overdue);
    }
  }
  // A reconnect may be to a Redis that restarted empty.
  let connectedBefore = false;
  redis.on("ready", () => {
    if (connectedBefore) recover();
    connectedBefore = true;
  });
  if (redis.status === "ready") connectedBefore = true;

  const reading = readLoop();
  const claimTimer = setInterval(() => void claimIdle(), Math.max(50, Math.floor(options.claimIdleMs / 2)));
  claimTimer.unref();

  /** Reads and stores whatever is waiting now, without blocking. */
  async function consumeNow() {
    if (isRedisReady(redis)) {
      for (;;) {
        let reply: Array<[string, StreamEntry[]]> | null;
        try {
          reply = (await redis.xreadgroup("GROUP", group, consumer, "COUNT", ENTRIES_PER_READ, "STREAMS", key, ">")) as Array<
            [string, StreamEntry[]]
          > | null;
        } catch (error) {
          if (!isNoGroup(error)) throw error;
          await ensureGroup();
          continue;
        }
        const entries = reply?.[0]?.[1] ?? [];
        if (entries.length === 0) break;
        await consumeEntries(entries);
      }
    }
    await Promise.all([...processing]);
  }

  return {
    kind: "redis",
    async deliver(batch) {
      if (!isRedisReady(redis)) return options.store(batch, []); // Redis is down or hung: store directly
      const id = `${consumer}:${++sequence}`;
      try {
        unconfirmed.set(id, { clicks: batch, at: Date.now() });
        await redis.xadd(key, "*", "clicks", JSON.stringify(batch), "batch", id);
      } catch (error) {
        unconfirmed.delete(id);
        log.warn({ err: error }, "could not append clicks to the Redis stream; storing them directly");
        await options.store(batch, []);
      }
    },
    confirm(batches) {
      for (const id of batches) unconfirmed.delete(id);
    },
    recover,
    async settle() {
      await consumeNow();
      if (!isRedisReady(redis)) await storeUnconfirmed();
    },
    async stop(deadline) {
      await consumeNow().catch((error: unknown) => log.warn({ err: error }, "final click stream read failed"));
      stopped = true;
      stopping.abort();
      clearInterval(claimTimer);
      // Wake the blocked read as if it timed out: nothing is handed to a consumer that is leaving.
      if (readerId !== undefined) await redis.client("UNBLOCK", readerId).catch(() => {});
      reader.disconnect();
      await reading;
      await Promise.race([Promise.all([...processing]), sleep(Math.max(0, deadline - Date.now()))]);
      // What Redis holds of ours is safe with the other instances, unless Redis is gone.
      if (!isRedisReady(redis)) await Promise.race([storeUnconfirmed(), sleep(Math.max(0, deadline - Date.now()))]);
      try {
        const pending = (await redis.xpending(key, group, "-", "+", 1, consumer)) as unknown[];
        if (pending.length === 0) await redis.xgroup("DELCONSUMER", key, group, consumer);
      } catch (error) {
        log.warn({ err: error }, "leaving the click stream group failed");
      }
    },
  };
}

/** Waits `ms`, or less when `signal` aborts (shutdown does not wait out a back-off). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
