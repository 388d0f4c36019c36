import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Every Prometheus series Linkgraph exposes at /metrics. One registry per app instance (tests run
 * several apps in one process). Hot-path children are bound once so an increment is one add.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "linkgraph_" });
  const registers = [registry];

  const cacheLookups = new Counter({
    name: "linkgraph_redirect_cache_lookups_total",
    help: "Short-link lookups by the redirect handler, by cache result",
    labelNames: ["result"] as const,
    registers,
  });
  const cacheHits = cacheLookups.labels("hit");
  const cacheMisses = cacheLookups.labels("miss");

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
    redirects: new Counter({ name: "linkgraph_redirects_total", help: "Redirect responses by status", labelNames: ["status"] as const, registers }),
    cacheHits,
    cacheMisses,
    cacheHitRatio: new Gauge({
      name: "linkgraph_redirect_cache_hit_ratio",
      help: "Share of redirect lookups answered from the in-process cache since start",
      registers,
      async collect() {
        const counts = (await cacheLookups.get()).values;
        const hits = counts.find((v) => v.labels.result === "hit")?.value ?? 0;
        const total = counts.reduce((sum, v) => sum + v.value, 0);
        this.set(total === 0 ? 0 : hits / total);
      },
    }),
    clickPipelineDepth: new Gauge({ name: "linkgraph_click_pipeline_depth", help: "Click events buffered and not yet written", registers }),
    clicksDropped: new Counter({ name: "linkgraph_click_pipeline_dropped_total", help: "Click events dropped because the buffer was full", registers }),
    clickFlushDuration: new Histogram({
      name: "linkgraph_click_pipeline_flush_duration_seconds",
      help: "Time to write one batch of clicks",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    webhookDeliveries: new Counter({
      name: "linkgraph_webhook_deliveries_total",
      help: "Webhook delivery attempts by outcome",
      labelNames: ["outcome"] as const,
      registers,
    }),
    subscriptionsOpen: new Gauge({ name: "linkgraph_subscriptions_open", help: "Open GraphQL subscriptions (WebSocket and SSE)", registers }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
