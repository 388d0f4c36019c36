import type { Redis } from "ioredis";
import type { Logger } from "../platform/logger.js";
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
  /** Stores a batch (and announces the totals); throws to have it retried. */
  store(clicks: EnrichedClick[]): Promise<void>;
  log: Logger;
  /** How long an entry may stay unacknowledged before another instance takes it over. */
  claimIdleMs: number;
  blockMs: number;
}

const ENTRIES_PER_READ = 20;
const CONSUMER_FORGET_MS = 3_600_000;

/**
 * Clicks through a Redis stream read by a consumer group: every instance appends its batches
 * (one entry per batch) and every instance consumes, so whichever has capacity writes them.
 * An entry is acknowledged (and deleted) only after its batch is stored; entries a crashed
 * instance had read but not stored stay pending and are taken over with XAUTOCLAIM once idle
 * for claimIdleMs. Stored clicks are keyed by their id, so a batch stored twice counts once.
 */
export function createRedisStreamSink(options: RedisStreamOptions): ClickSink {
  const { redis, key, group, consumer, log } = options;
  const reader = redis.duplicate();
  reader.on("error", (error) => log.warn({ err: error }, "redis click stream reader"));
  let stopped = false;
  const processing = new Set<Promise<void>>();

  const groupReady = redis.xgroup("CREATE", key, group, "0", "MKSTREAM").then(
    () => undefined,
    (error: Error) => {
      if (!String(error.message).includes("BUSYGROUP")) throw error;
    },
  );
  const readerId = reader.client("ID") as Promise<number>;

  async function storeWithRetry(clicks: EnrichedClick[]): Promise<boolean> {
    let wait = 100;
    for (;;) {
      try {
        await options.store(clicks);
        return true;
      } catch (error) {
        // Left pending: this instance or another takes it over later.
        if (stopped) return false;
        log.warn({ err: error, clicks: clicks.length, retryInMs: wait }, "clicks from the stream not stored; retrying");
        await sleep(wait);
        wait = Math.min(wait * 2, 5_000);
      }
    }
  }

  function consumeEntries(entries: StreamEntry[]): Promise<void> {
    const work = (async () => {
      const clicks: EnrichedClick[] = [];
      const ids: string[] = [];
      for (const [id, fields] of entries) {
        ids.push(id);
        const payload = fields[fields.indexOf("clicks") + 1];
        try {
          clicks.push(...(JSON.parse(payload ?? "") as EnrichedClick[]));
        } catch {
          log.error({ id }, "dropped a malformed click stream entry");
        }
      }
      if (clicks.length > 0 && !(await storeWithRetry(clicks))) return;
      if (ids.length > 0) await redis.multi().xack(key, group, ...ids).xdel(key, ...ids).exec();
    })();
    processing.add(work);
    return work.finally(() => processing.delete(work));
  }

  async function readLoop() {
    await groupReady;
    let wait = 100;
    while (!stopped) {
      try {
        const reply = (await reader.xreadgroup("GROUP", group, consumer, "COUNT", ENTRIES_PER_READ, "BLOCK", options.blockMs, "STREAMS", key, ">")) as
          | Array<[string, StreamEntry[]]>
          | null;
        if (reply?.[0]?.[1].length) await consumeEntries(reply[0][1]);
        wait = 100;
      } catch (error) {
        if (stopped) break;
        log.warn({ err: error }, "reading the click stream failed; retrying");
        await sleep(wait);
        wait = Math.min(wait * 2, 5_000);
      }
    }
  }

  let claiming = false;
  let lastConsumerSweep = Date.now();
  async function claimIdle() {
    if (claiming || stopped) return;
    claiming = true;
    try {
      await groupReady;
      let cursor = "0-0";
      for (let round = 0; round < 10; round++) {
        const [next, entries] = (await redis.xautoclaim(key, group, consumer, options.claimIdleMs, cursor, "COUNT", ENTRIES_PER_READ)) as [string, StreamEntry[]];
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
      log.warn({ err: error }, "claiming idle click stream entries failed");
    } finally {
      claiming = false;
    }
  }

  /** Consumers of instances long gone, with nothing pending, are removed from the group. */
  async function forgetDeadConsumers() {
    const consumers = (await redis.xinfo("CONSUMERS", key, group)) as Array<Array<string | number>>;
    for (const info of consumers) {
      const fields = Object.fromEntries(info.reduce<Array<[string, string | number]>>((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [String(value), all[i + 1]!]] : pairs), []));
      if (fields.name !== consumer && Number(fields.pending) === 0 && Number(fields.idle) > CONSUMER_FORGET_MS) {
        await redis.xgroup("DELCONSUMER", key, group, String(fields.name));
      }
    }
  }

  const reading = readLoop();
  const claimTimer = setInterval(() => void claimIdle(), Math.max(50, Math.floor(options.claimIdleMs / 2)));
  claimTimer.unref();

  /** Reads and stores whatever is waiting now, without blocking. */
  async function consumeNow() {
    await groupReady;
    for (;;) {
      const reply = (await redis.xreadgroup("GROUP", group, consumer, "COUNT", ENTRIES_PER_READ, "STREAMS", key, ">")) as Array<[string, StreamEntry[]]> | null;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length === 0) break;
      await consumeEntries(entries);
    }
    await Promise.all([...processing]);
  }

  return {
    kind: "redis",
    async deliver(batch) {
      await groupReady;
      await redis.xadd(key, "*", "clicks", JSON.stringify(batch));
    },
    settle: consumeNow,
    async stop(deadline) {
      await consumeNow().catch((error: unknown) => log.warn({ err: error }, "final click stream read failed"));
      stopped = true;
      clearInterval(claimTimer);
      // Wake the blocked read as if it timed out: nothing is handed to a consumer that is leaving.
      await redis.client("UNBLOCK", await readerId).catch(() => {});
      await reading;
      await Promise.race([Promise.all([...processing]), sleep(Math.max(0, deadline - Date.now()))]);
      try {
        const pending = (await redis.xpending(key, group, "-", "+", 1, consumer)) as unknown[];
        if (pending.length === 0) await redis.xgroup("DELCONSUMER", key, group, consumer);
      } catch (error) {
        log.warn({ err: error }, "leaving the click stream group failed");
      }
      await reader.quit().catch(() => {});
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
