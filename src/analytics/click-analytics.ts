import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Redis } from "ioredis";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../platform/logger.js";
import type { Metrics } from "../platform/metrics.js";
import { recordClickMilestones } from "../webhooks/click-milestones.js";
import type { EnrichedClick } from "./click-event.js";
import { createClickPipeline, createDirectSink, type ClickPipeline } from "./click-pipeline.js";
import { writeClicks } from "./click-writer.js";
import { createEnricher } from "./enrich.js";
import { createLiveCounts, type LiveCounts } from "./live-counts.js";
import { createRedisStreamSink } from "./redis-click-stream.js";
import { createLocalTotalsBus, createRedisTotalsBus } from "./totals-bus.js";
import { createVisitorSalts } from "./visitor-salt.js";

export interface ClickAnalytics {
  pipeline: ClickPipeline;
  liveCounts: LiveCounts;
  /** Flushes the pipeline (retrying until `deadline`), then stops listening. */
  close(deadline: number): Promise<void>;
}

/**
 * Assembles capture → enrichment → (Redis stream →) batched writes → totals announced to every
 * instance → link cache (maxClicks) and live-count subscriptions.
 */
export async function createClickAnalytics(deps: {
  config: Config;
  db: Db;
  redis?: Redis;
  log: Logger;
  metrics?: Pick<Metrics, "clickFlushDuration">;
}): Promise<ClickAnalytics> {
  const { config, db, redis, log } = deps;
  const settings = config.clicks;
  const origin = `${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const bus = redis ? createRedisTotalsBus(redis, `${config.redisKeyPrefix}clicks:totals`, log) : createLocalTotalsBus();

  async function store(clicks: EnrichedClick[]) {
    for (let start = 0; start < clicks.length; start += settings.batchSize) {
      const batch = clicks.slice(start, start + settings.batchSize);
      const endTimer = deps.metrics?.clickFlushDuration.startTimer();
      // Milestone webhooks are queued in the same transaction as the totals that cross them.
      const message = await db.$transaction(async (tx) => {
        const written = await writeClicks(tx, batch, { countBots: settings.countBots });
        const changes = written.totals.map(({ linkId, total, added }) => ({ linkId, previousCount: total - added, clickCount: total }));
        await recordClickMilestones(tx, config, changes);
        return written;
      });
      endTimer?.();
      bus.publish(message);
    }
  }

  const sink =
    settings.queue === "redis" && redis
      ? createRedisStreamSink({
          redis,
          key: `${config.redisKeyPrefix}clicks:stream`,
          group: "click-writers",
          consumer: origin,
          store,
          log,
          claimIdleMs: settings.claimIdleMs,
          blockMs: Math.min(1_000, Math.max(config.clickFlushIntervalMs, 100)),
        })
      : createDirectSink(store);

  const pipeline = createClickPipeline({
    capture: settings.capture,
    origin,
    sink,
    bus,
    log,
    enrich: createEnricher({ origin, trustProxy: config.trustProxy, storeIp: settings.storeIp, saltFor: createVisitorSalts(db).saltFor }),
    batchSize: settings.batchSize,
    bufferMax: settings.bufferMax,
    flushIntervalMs: config.clickFlushIntervalMs,
  });
  const liveCounts = createLiveCounts({ intervalMs: config.liveCountsIntervalMs });
  pipeline.onTotals((totals) => liveCounts.publish(totals));
  await bus.ready;
  log.info({ queue: sink.kind, capture: settings.capture, origin }, "click pipeline ready");

  return {
    pipeline,
    liveCounts,
    async close(deadline) {
      liveCounts.close();
      await pipeline.stop(deadline);
      await bus.close();
    },
  };
}
