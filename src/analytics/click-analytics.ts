import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Redis } from "ioredis";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../platform/logger.js";
import type { Metrics } from "../platform/metrics.js";
import type { PubSub } from "../platform/pubsub.js";
import { isRedisReady } from "../platform/redis.js";
import { recordClickMilestones } from "../webhooks/click-milestones.js";
import type { EnrichedClick, StoredTotal, TotalsMessage } from "./click-event.js";
import { createClickPipeline, createDirectSink, type ClickPipeline } from "./click-pipeline.js";
import { writeClicks } from "./click-writer.js";
import { createCopyClickWriter } from "./click-copy-writer.js";
import { createEnricher } from "./enrich.js";
import { createLiveCounts, type ClickDelta, type LiveCounts } from "./live-counts.js";
import { createUserAgentParser } from "./user-agent.js";
import { createRedisStreamSink } from "./redis-click-stream.js";
import { createVisitorSalts } from "./visitor-salt.js";

export interface ClickAnalytics {
  pipeline: ClickPipeline;
  liveCounts: LiveCounts;
  /**
   * Links whose stored totals matter here besides live-count subscriptions (cached links with
   * maxClicks): re-read with them, so a lost totals message is repaired.
   */
  watchTotals(linkIds: () => Iterable<string>): void;
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
  pubsub: PubSub;
  log: Logger;
  metrics?: Pick<Metrics, "clickFlushDuration">;
  /** PostgreSQL's connection string (not the embedded database's): large batches are then written with COPY. */
  copyConnectionString?: string;
}): Promise<ClickAnalytics> {
  const { config, db, redis, log } = deps;
  const settings = config.clicks;
  const origin = `${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const bus = deps.pubsub.channel<TotalsMessage>("clicks:totals");
  // Clicks served and not yet stored, announced every LIVE_COUNTS_INTERVAL_MS: live counts move
  // with the redirects rather than with the batch writes.
  const deltaBus = deps.pubsub.channel<ClickDelta[]>("clicks:deltas");
  const parseUserAgent = createUserAgentParser();
  const copyWriter =
    deps.copyConnectionString === undefined
      ? undefined
      : createCopyClickWriter({
          connectionString: deps.copyConnectionString,
          countBots: settings.countBots,
          milestones: config.webhooks.clickMilestones,
          log,
        });

  async function store(clicks: EnrichedClick[], batches: string[] = []) {
    for (let start = 0; start < clicks.length; start += settings.batchSize) {
      const batch = clicks.slice(start, start + settings.batchSize);
      const endTimer = deps.metrics?.clickFlushDuration.startTimer();
      // Milestone webhooks are queued in the same transaction as the totals that cross them.
      const message =
        (await copyWriter?.write(batch)) ??
        (await db.$transaction(async (tx) => {
          const written = await writeClicks(tx, batch, { countBots: settings.countBots });
          const changes = written.totals.map(({ linkId, total, added }) => ({ linkId, previousCount: total - added, clickCount: total }));
          await recordClickMilestones(tx, config, changes);
          return written;
        }));
      endTimer?.();
      // The stream batches go with the last part, once all of their clicks are stored.
      bus.publish(start + settings.batchSize >= clicks.length && batches.length ? { ...message, batches } : message);
    }
  }

  const stream =
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
      : undefined;
  const sink = stream ?? createDirectSink(store);
  if (stream) {
    bus.subscribe((message) => message.batches && stream.confirm(message.batches));
    bus.onGap(() => stream.recover());
  }

  const pipeline = createClickPipeline({
    capture: settings.capture,
    origin,
    sink,
    bus,
    log,
    enrich: createEnricher({
      origin,
      trustProxy: config.trustProxy,
      storeIp: settings.storeIp,
      saltFor: createVisitorSalts(db).saltFor,
      parseUserAgent,
    }),
    batchSize: settings.batchSize,
    bufferMax: settings.bufferMax,
    flushIntervalMs: config.clickFlushIntervalMs,
    deltas: {
      intervalMs: config.liveCountsIntervalMs,
      counts: (click) => settings.countBots || !parseUserAgent(click.userAgent).bot,
      publish: (deltas) => deltaBus.publish(deltas),
    },
  });
  // Announced clicks a stored total has not covered by then were lost (shutdown): forgotten.
  const liveCounts = createLiveCounts({
    intervalMs: config.liveCountsIntervalMs,
    unconfirmedTtlMs: Math.max(30_000, 10 * config.clickFlushIntervalMs),
  });
  pipeline.onTotals((totals) => liveCounts.publish(totals));
  deltaBus.subscribe((deltas) => liveCounts.addDeltas(deltas));

  // Pub/sub can lose a totals message: the stored totals of watched links are re-read from time
  // to time, at once after a gap, and every flush interval while Redis is unreachable (then no
  // totals cross instances, and maxClicks rests on these reads).
  const watched: Array<() => Iterable<string>> = [() => liveCounts.watchedLinkIds()];
  let reconciling: Promise<void> | null = null;
  function reconcile() {
    reconciling ??= (async () => {
      const ids = new Set<string>();
      for (const source of watched) for (const id of source()) ids.add(id);
      if (ids.size === 0) return;
      const rows = await db.link.findMany({ where: { id: { in: [...ids] } }, select: { id: true, clickCount: true } });
      const totals: StoredTotal[] = rows.map((row) => ({ linkId: row.id, total: row.clickCount, added: 0 }));
      pipeline.applyStoredTotals(totals);
    })()
      .catch((error: unknown) => log.warn({ err: error }, "could not re-read stored click totals"))
      .finally(() => (reconciling = null));
    return reconciling;
  }
  let reconcileTimer: NodeJS.Timeout | undefined;
  function scheduleReconcile() {
    const degraded = redis !== undefined && !isRedisReady(redis);
    reconcileTimer = setTimeout(
      () => void reconcile().finally(scheduleReconcile),
      degraded ? config.clickFlushIntervalMs : config.live.totalsReconcileMs,
    );
    reconcileTimer.unref();
  }
  if (redis) {
    bus.onGap(() => void reconcile());
    scheduleReconcile();
  }
  await deps.pubsub.ready(2_000);
  log.info({ queue: sink.kind, capture: settings.capture, origin }, "click pipeline ready");

  return {
    pipeline,
    liveCounts,
    watchTotals: (linkIds) => void watched.push(linkIds),
    async close(deadline) {
      clearTimeout(reconcileTimer);
      liveCounts.close();
      await pipeline.stop(deadline);
      await reconciling;
      await copyWriter?.close();
    },
  };
}
