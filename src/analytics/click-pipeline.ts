import type { Logger } from "../platform/logger.js";
import { groupKey, sameGroup, type CapturedClick, type ClickGroup, type EnrichedClick, type StoredTotal } from "./click-event.js";
import type { Channel } from "../platform/pubsub.js";
import type { TotalsMessage } from "./click-event.js";
import type { ClickDelta } from "./live-counts.js";

/** Where enriched batches go: straight to the database, or onto the Redis stream. */
export interface ClickSink {
  readonly kind: "memory" | "redis";
  /** Stores or enqueues a batch durably; throws to have it retried. */
  deliver(batch: EnrichedClick[]): Promise<void>;
  /** Waits until everything delivered so far is stored (Redis: consumes the stream now). */
  settle(): Promise<void>;
  stop(deadline: number): Promise<void>;
}

export interface ClickPipelineStats {
  /** Clicks taken from redirects. */
  accepted: number;
  /** Clicks refused because the buffer was full (back-pressure), or lost after retries at shutdown. */
  dropped: number;
  /** Clicks handed on to the sink. */
  delivered: number;
  /** Failed deliveries (each retried). */
  failures: number;
  /** Clicks waiting in this process. */
  buffered: number;
}

export interface ClickPipeline {
  readonly mode: "memory" | "redis" | "off";
  /** The redirect hot path: never throws, never waits. False when the click was dropped. */
  record(click: CapturedClick): boolean;
  /** Capped clicks served here and not yet stored: with the stored total, what maxClicks is checked against. */
  uncommitted(linkId: string): number;
  /** Stored totals as batches are written, by any instance. */
  onTotals(handler: (totals: StoredTotal[]) => void): void;
  /** Totals re-read from the database (a lost announcement is repaired): handed to the same handlers. */
  applyStoredTotals(totals: StoredTotal[]): void;
  /** Hands on and stores every click accepted so far. */
  flush(): Promise<void>;
  /** Stops taking clicks and flushes, retrying until `deadline` (epoch ms). */
  stop(deadline?: number): Promise<void>;
  stats(): ClickPipelineStats;
}

export interface ClickPipelineOptions {
  /** false: redirects record nothing (CLICK_CAPTURE=false). */
  capture: boolean;
  origin: string;
  sink: ClickSink;
  bus: Channel<TotalsMessage>;
  enrich(groups: ClickGroup[]): Promise<EnrichedClick[]>;
  log: Logger;
  /** Most rows (groups of identical clicks) per batch; a full batch goes without waiting for the interval. */
  batchSize: number;
  /** Distinct clicks (groups) this process holds at most; more are dropped and counted. */
  bufferMax: number;
  flushIntervalMs: number;
  /**
   * Live counts: every `intervalMs`, and always before clicks are handed on to be stored, the
   * clicks captured since (those `counts` says count toward totals) are announced per link.
   */
  deltas?: { intervalMs: number; counts(click: CapturedClick): boolean; publish(deltas: ClickDelta[]): void };
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;
const DROP_LOG_INTERVAL_MS = 10_000;

// Captured clicks are folded into groups this often: objects that die young cost the GC little.
const GROUP_EVERY = 256;
/** Groups enriched between two yields to the event loop while the previous batch is being written. */
const ENRICH_SLICE = 100;

/**
 * The click pipeline. Redirects append captured clicks to an array (nothing else on the hot
 * path); every GROUP_EVERY clicks they are folded into groups of identical clicks, and the groups
 * are handed on in batches (every flushIntervalMs, or once batchSize groups wait) through
 * enrichment into the sink. A failing sink is retried with back-off while clicks keep
 * accumulating up to bufferMax groups; beyond that, clicks are dropped and counted, and
 * redirects never notice.
 */
export function createClickPipeline(options: ClickPipelineOptions): ClickPipeline {
  const { origin, sink, bus, log, batchSize, bufferMax } = options;
  let captured: CapturedClick[] = [];
  let groups = new Map<string, ClickGroup>();
  let unannounced = new Map<string, number>();
  /** Captured clicks before this index are in `unannounced` already. */
  let counted = 0;
  let grouping = false;
  let draining: Promise<void> | null = null;
  let stopping = false;
  let stopDeadline = Infinity;
  const stats = { accepted: 0, dropped: 0, delivered: 0, failures: 0 };
  /** Clicks accepted and not yet handed on. */
  let waiting = 0;
  const inFlight = new Map<string, number>();
  const totalsHandlers: Array<(totals: StoredTotal[]) => void> = [];
  let droppedSinceLog = 0;
  let dropLogTimer: NodeJS.Timeout | undefined;
  // Shutdown cuts a retry back-off short rather than waiting it out.
  const stopSignal = new AbortController();

  bus.subscribe((message) => {
    for (const settled of message.settled) if (settled.origin === origin) release(settled.linkId, settled.n);
    if (message.totals.length) for (const handle of totalsHandlers) handle(message.totals);
  });
  // Missed messages would leave clicks "in flight" forever; forgetting them only loosens the
  // maxClicks bound by what was really in flight.
  bus.onGap(() => inFlight.clear());

  function release(linkId: string, n: number) {
    const left = (inFlight.get(linkId) ?? 0) - n;
    if (left > 0) inFlight.set(linkId, left);
    else inFlight.delete(linkId);
  }

  function noteDropped(n: number, why: string) {
    stats.dropped += n;
    droppedSinceLog += n;
    if (dropLogTimer) return;
    log.warn({ dropped: droppedSinceLog, droppedTotal: stats.dropped, why }, "click pipeline dropped clicks");
    droppedSinceLog = 0;
    dropLogTimer = setTimeout(() => {
      dropLogTimer = undefined;
      if (droppedSinceLog > 0) noteDropped(0, why);
    }, DROP_LOG_INTERVAL_MS);
    dropLogTimer.unref();
  }

  function countDeltas() {
    const { deltas } = options;
    if (deltas) {
      for (let i = counted; i < captured.length; i++) {
        const click = captured[i]!;
        if (deltas.counts(click)) unannounced.set(click.linkId, (unannounced.get(click.linkId) ?? 0) + 1);
      }
    }
    counted = captured.length;
  }

  function fold() {
    let last: ClickGroup | undefined;
    countDeltas();
    for (const click of captured) {
      // A flood from one client is a run of identical clicks: compare with the previous first.
      if (last && sameGroup(last.click, click)) {
        last.count++;
        continue;
      }
      const key = groupKey(click);
      last = groups.get(key);
      if (last) last.count++;
      else groups.set(key, (last = { click, count: 1 }));
    }
    captured = [];
    counted = 0;
  }

  /** Announces the clicks captured since the last announcement (before they can be stored: see live-counts.ts). */
  function announce() {
    countDeltas();
    if (unannounced.size === 0) return;
    const deltas: ClickDelta[] = [];
    for (const [linkId, n] of unannounced) deltas.push({ linkId, n });
    unannounced = new Map();
    options.deltas!.publish(deltas);
  }

  function foldAndAnnounce() {
    fold();
    announce();
  }

  /** Folds captured clicks into groups; a full batch is handed on without waiting for the timer. */
  function group() {
    grouping = false;
    fold();
    if (groups.size >= batchSize && !draining) void drain();
  }

  /** Enriches in slices, yielding between them, so that the batch being written meanwhile is not held up. */
  async function enrichInSlices(batch: ClickGroup[]): Promise<EnrichedClick[]> {
    if (batch.length <= ENRICH_SLICE) return options.enrich(batch);
    const rows: EnrichedClick[] = [];
    for (let start = 0; start < batch.length; start += ENRICH_SLICE) {
      if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      rows.push(...(await options.enrich(batch.slice(start, start + ENRICH_SLICE))));
    }
    return rows;
  }

  /**
   * Hands a batch to the sink until it takes it. `enriching` is its enrichment already under way; a retry
   * delivers the same rows (the same click ids, so a batch stored before its error was reported counts once).
   */
  async function deliverWithRetry(batch: ClickGroup[], enriching?: Promise<EnrichedClick[]>) {
    const clicks = batch.reduce((sum, { count }) => sum + count, 0);
    let wait = RETRY_MIN_MS;
    let rows: EnrichedClick[] | undefined;
    for (;;) {
      try {
        if (!rows) {
          const pending = enriching ?? enrichInSlices(batch);
          enriching = undefined;
          rows = await pending;
        }
        await sink.deliver(rows);
        stats.delivered += clicks;
        waiting -= clicks;
        return;
      } catch (error) {
        stats.failures++;
        if (stopping && Date.now() + wait > stopDeadline) {
          log.error({ err: error, clicks }, "clicks lost: shutting down and the store still fails");
          for (const { click, count } of batch) if (click.capped) release(click.linkId, count);
          waiting -= clicks;
          return noteDropped(clicks, "store unavailable at shutdown");
        }
        log.warn({ err: error, clicks, retryInMs: wait }, "clicks not stored; retrying");
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            stopSignal.signal.removeEventListener("abort", done);
            resolve();
          };
          const timer = setTimeout(done, stopping ? Math.min(wait, Math.max(0, stopDeadline - Date.now())) : wait);
          stopSignal.signal.addEventListener("abort", done, { once: true });
        });
        wait = Math.min(wait * 2, RETRY_MAX_MS);
      }
    }
  }

  function drain(): Promise<void> {
    draining ??= (async () => {
      await Promise.resolve(); // `draining` is set before anything below runs
      foldAndAnnounce();
      // What waits now is due; what arrives while writing waits for the next tick, unless it
      // fills a whole batch: under load, batches stay full rather than many and small.
      let due = groups.size;
      // The next batch is enriched while the previous one is written: the process and the database
      // work at the same time (ingestion alternated between them). Batches are still written one by one, in order.
      let writing: Promise<void> | undefined;
      while (groups.size > 0 && (due > 0 || groups.size >= batchSize)) {
        let batch: ClickGroup[];
        if (groups.size <= batchSize) {
          batch = [...groups.values()];
          groups = new Map();
        } else {
          batch = [];
          for (const [key, value] of groups) {
            batch.push(value);
            groups.delete(key);
            if (batch.length === batchSize) break;
          }
        }
        due -= batch.length;
        const enriching = enrichInSlices(batch);
        enriching.catch(() => {}); // met, and retried, in deliverWithRetry
        if (writing) {
          await writing;
          foldAndAnnounce();
        }
        writing = deliverWithRetry(batch, enriching);
      }
      if (writing) {
        await writing;
        foldAndAnnounce();
      }
    })().finally(() => {
      draining = null;
    });
    return draining;
  }

  const timer = setInterval(() => void drain(), options.flushIntervalMs);
  timer.unref();
  const deltaTimer = options.deltas && options.capture ? setInterval(announce, options.deltas.intervalMs) : undefined;
  deltaTimer?.unref();

  return {
    mode: options.capture ? sink.kind : "off",
    record(click) {
      if (!options.capture) return false;
      if (stopping || groups.size + captured.length >= bufferMax) {
        noteDropped(1, stopping ? "shutting down" : "buffer full");
        return false;
      }
      captured.push(click);
      stats.accepted++;
      waiting++;
      if (click.capped) inFlight.set(click.linkId, (inFlight.get(click.linkId) ?? 0) + 1);
      if (captured.length >= GROUP_EVERY && !grouping) {
        grouping = true;
        setImmediate(group);
      }
      return true;
    },
    uncommitted: (linkId) => inFlight.get(linkId) ?? 0,
    onTotals: (handler) => void totalsHandlers.push(handler),
    applyStoredTotals(totals) {
      if (totals.length) for (const handle of totalsHandlers) handle(totals);
    },
    async flush() {
      while (captured.length > 0 || groups.size > 0 || draining) await drain();
      await sink.settle();
    },
    async stop(deadline = Date.now() + 10_000) {
      stopping = true;
      stopDeadline = deadline;
      stopSignal.abort();
      clearInterval(timer);
      clearInterval(deltaTimer);
      while (captured.length > 0 || groups.size > 0 || draining) await drain();
      await sink.stop(deadline);
      if (dropLogTimer) clearTimeout(dropLogTimer);
    },
    stats: () => ({ ...stats, buffered: waiting }),
  };
}

/** A memory-mode sink: each batch is one statement against the database. */
export function createDirectSink(write: (batch: EnrichedClick[]) => Promise<void>): ClickSink {
  let writing = Promise.resolve();
  return {
    kind: "memory",
    deliver(batch) {
      const done = write(batch);
      writing = done.catch(() => {});
      return done;
    },
    settle: () => writing,
    stop: () => writing,
  };
}
