import type { Db } from "../db/client.js";
import type { Logger } from "../platform/logger.js";

/**
 * Counts redirects in memory and adds them to Link.clickCount in one statement per interval, so
 * the redirect path never waits on the database. A failed flush keeps its counts for the next one.
 */
export interface ClickCounter {
  record(linkId: string): void;
  /** Clicks recorded here and not yet written. */
  pending(linkId: string): number;
  flush(): Promise<void>;
  /** Stops the timer and writes what is pending. */
  stop(): Promise<void>;
}

export function createClickCounter(db: Db, log: Logger, intervalMs: number): ClickCounter {
  let counts = new Map<string, number>();
  let flushing: Promise<void> = Promise.resolve();

  async function writeBatch(batch: Map<string, number>) {
    const ids = [...batch.keys()];
    const increments = [...batch.values()];
    try {
      await db.$executeRaw`
        UPDATE "Link" AS l SET "clickCount" = l."clickCount" + v.n
        FROM unnest(${ids}::uuid[], ${increments}::int[]) AS v(id, n)
        WHERE l.id = v.id`;
    } catch (error) {
      log.error({ err: error, links: ids.length }, "click counts not written; will retry");
      for (const [id, n] of batch) counts.set(id, (counts.get(id) ?? 0) + n);
    }
  }

  function flush() {
    flushing = flushing.then(() => {
      if (counts.size === 0) return;
      const batch = counts;
      counts = new Map();
      return writeBatch(batch);
    });
    return flushing;
  }

  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();

  return {
    record(linkId) {
      counts.set(linkId, (counts.get(linkId) ?? 0) + 1);
    },
    pending: (linkId) => counts.get(linkId) ?? 0,
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
