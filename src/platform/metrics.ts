import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Redirect cache lookups, counted by the redirect handler with one add each; read at scrape time. */
export interface RedirectCacheCounts {
  hits: number;
  misses: number;
}

/**
 * Every Prometheus series Linkgraph exposes at /metrics. One registry per app instance (tests run
 * several apps in one process). The redirect hot path only bumps plain numbers (prom-client's
 * labelled children hash their labels on every inc); series read them when scraped.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "linkgraph_" });
  const registers = [registry];
  const redirectCache: RedirectCacheCounts = { hits: 0, misses: 0 };
  // Read at scrape time from what owns the numbers (see watch()).
  let clickStats: () => { buffered: number; dropped: number } = () => ({ buffered: 0, dropped: 0 });
  let openSubscriptions: () => number = () => 0;

  new Counter({
    name: "linkgraph_redirect_cache_lookups_total",
    help: "Short-link lookups by the redirect handler, by cache result",
    labelNames: ["result"] as const,
    registers,
    collect() {
      this.reset();
      this.labels("hit").inc(redirectCache.hits);
      this.labels("miss").inc(redirectCache.misses);
    },
  });

  return {
    registry,
    httpDuration: new Histogram({
      name: "linkgraph_http_request_duration_seconds",
      help: "HTTP requests other than redirects, by route, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    graphqlDuration: new Histogram({
      name: "linkgraph_graphql_operation_duration_seconds",
      help: "GraphQL operations by operation name, type and outcome",
      labelNames: ["operation", "type", "outcome"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    redirectCache,
    cacheHitRatio: new Gauge({
      name: "linkgraph_redirect_cache_hit_ratio",
      help: "Share of redirect lookups answered from the in-process cache since start",
      registers,
      collect() {
        const total = redirectCache.hits + redirectCache.misses;
        this.set(total === 0 ? 0 : redirectCache.hits / total);
      },
    }),
    /** Connects the series whose values live elsewhere (read on every scrape). */
    watch(sources: { clickStats: typeof clickStats; openSubscriptions: typeof openSubscriptions }) {
      clickStats = sources.clickStats;
      openSubscriptions = sources.openSubscriptions;
    },
    clickPipelineDepth: new Gauge({
      name: "linkgraph_click_pipeline_depth",
      help: "Click events accepted by this process and not yet handed on to storage",
      registers,
      collect() {
        this.set(clickStats().buffered);
      },
    }),
    clicksDropped: new Counter({
      name: "linkgraph_click_pipeline_dropped_total",
      help: "Click events dropped because the buffer was full (or the store failed at shutdown)",
      registers,
      collect() {
        this.reset();
        this.inc(clickStats().dropped);
      },
    }),
    clickFlushDuration: new Histogram({
      name: "linkgraph_click_pipeline_flush_duration_seconds",
      help: "Time to write one batch of clicks",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    webhookDeliveries: zeroed(
      new Counter({
        name: "linkgraph_webhook_deliveries_total",
        help: "Webhook delivery attempts by outcome",
        labelNames: ["outcome"] as const,
        registers,
      }),
      ["delivered", "retry", "failed"],
    ),
    subscriptionsOpen: new Gauge({
      name: "linkgraph_subscriptions_open",
      help: "Open GraphQL subscriptions (WebSocket and SSE)",
      registers,
      collect() {
        this.set(openSubscriptions());
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Shows every outcome from the start (at 0), so rate() and alerts work before the first event. */
function zeroed<T extends Counter<"outcome">>(counter: T, outcomes: string[]): T {
  for (const outcome of outcomes) counter.labels(outcome).inc(0);
  return counter;
}
