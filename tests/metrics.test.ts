import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLICK_COUNTS, click, sseSubscribe, subscribe, wsClient } from "./helpers/live.js";
import { freePort, sample, scrape } from "./helpers/prometheus.js";
import { startTestApp, testDatabase, type TestApp } from "./helpers/test-app.js";
import { createLink, createWebhook, startReceiver, startWebhookTestApp, until, type Receiver } from "./helpers/webhooks.js";

const gqlCount = (text: string, operation: string, type: string, outcome: string) =>
  sample(text, "linkgraph_graphql_operation_duration_seconds_count", { operation, type, outcome });

describe("/metrics after real traffic", () => {
  let test: TestApp;
  let receiver: Receiver;
  let token: string;
  const metrics = () => scrape(`${test.baseUrl}/metrics`);

  beforeAll(async () => {
    receiver = await startReceiver();
    test = await startWebhookTestApp({ REDIS_URL: "redis://127.0.0.1:6379", REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
    token = (await test.signUp()).token;
  });
  afterAll(async () => {
    await test?.close();
    await receiver?.close();
  });

  it("serves the Prometheus text format with the process series", async () => {
    const { status, contentType, text } = await metrics();
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, "linkgraph_process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(text).toContain("# TYPE linkgraph_http_request_duration_seconds histogram");
  });

  it("counts redirect cache hits and misses and the hit ratio, without timing redirects", async () => {
    const link = await createLink(test, token, { url: "https://example.com/metrics" });
    expect(await click(test.baseUrl, link.slug)).toBe(302); // miss: loaded from the database
    expect(await click(test.baseUrl, link.slug)).toBe(302); // hit
    expect(await click(test.baseUrl, link.slug)).toBe(302); // hit
    expect(await click(test.baseUrl, "no-such-slug-here")).toBe(404); // miss (remembered as unknown)

    const { text } = await metrics();
    expect(sample(text, "linkgraph_redirect_cache_lookups_total", { result: "hit" })).toBe(2);
    expect(sample(text, "linkgraph_redirect_cache_lookups_total", { result: "miss" })).toBe(2);
    expect(sample(text, "linkgraph_redirect_cache_hit_ratio")).toBe(0.5);
    // Redirects are not in the HTTP histogram (no per-request timer on the hot path) and slugs never become labels.
    expect(text).not.toContain(link.slug);
    expect(text).not.toContain("no-such-slug-here");
  });

  it("times GraphQL operations by name, type and outcome, and HTTP requests by route", async () => {
    const before = (await metrics()).text;
    const ok = await test.gql(`query MetricsLinks { links(first: 5) { edges { node { slug } } } }`, {}, { token });
    expect(ok.errors).toBeUndefined();
    const bad = await test.gql(`mutation MetricsBadLink { createLink(input: { url: "not a url" }) { link { id } } }`, {}, { token });
    expect(bad.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");

    const { text } = await metrics();
    expect(gqlCount(text, "MetricsLinks", "query", "success")).toBe(1);
    expect(gqlCount(text, "MetricsBadLink", "mutation", "error")).toBe(1);
    expect(
      sample(text, "linkgraph_graphql_operation_duration_seconds_bucket", {
        operation: "MetricsLinks",
        type: "query",
        outcome: "success",
        le: "+Inf",
      }),
    ).toBe(1);
    const posts = (t: string) =>
      sample(t, "linkgraph_http_request_duration_seconds_count", { route: "/graphql", method: "POST", status: "200" }) ?? 0;
    expect(posts(text) - posts(before)).toBe(2);
    expect(sample(text, "linkgraph_http_request_duration_seconds_count", { route: "/metrics", method: "GET", status: "200" })).toBeGreaterThanOrEqual(
      1,
    );
  });

  it("reports click pipeline depth, drops and flush latency", async () => {
    const link = await createLink(test, token, { url: "https://example.com/flushed" });
    for (let i = 0; i < 5; i++) expect(await click(test.baseUrl, link.slug)).toBe(302);
    await test.app.services.clickPipeline.flush();
    const { text } = await metrics();
    expect(sample(text, "linkgraph_click_pipeline_flush_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "linkgraph_click_pipeline_flush_duration_seconds_sum")).toBeGreaterThan(0);
    expect(sample(text, "linkgraph_click_pipeline_depth")).toBe(0);
    expect(sample(text, "linkgraph_click_pipeline_dropped_total")).toBe(0);
  });

  it("counts webhook deliveries by outcome", async () => {
    await createWebhook(test, token, { url: receiver.url });
    await createLink(test, token, { url: "https://example.com/hooked" });
    await receiver.waitFor(1);
    let text = "";
    await until(
      async () => {
        text = (await metrics()).text;
        return sample(text, "linkgraph_webhook_deliveries_total", { outcome: "delivered" }) === 1;
      },
      15_000,
      () =>
        `delivered webhooks in:\n${text
          .split("\n")
          .filter((l) => l.includes("webhook"))
          .join("\n")}`,
    );
  });

  it("counts open subscriptions (graphql-ws and SSE), and stops counting them when they end", async () => {
    const link = await createLink(test, token, { url: "https://example.com/live" });
    const graphqlPosts = (text: string) =>
      sample(text, "linkgraph_http_request_duration_seconds_count", { route: "/graphql", method: "POST", status: "200" });
    const postsBefore = graphqlPosts((await metrics()).text);
    const client = wsClient(test, token);
    const overWs = subscribe(client, CLICK_COUNTS, { linkIds: [link.id] });
    const overSse = await sseSubscribe(test, token, CLICK_COUNTS, { linkIds: [link.id] });
    let open: number | undefined;
    const openIs = (n: number) => async () => (open = sample((await metrics()).text, "linkgraph_subscriptions_open")) === n;
    try {
      await until(openIs(2), 10_000, () => `2 open subscriptions, saw ${open}`);
      overWs.stop();
      await until(openIs(1), 10_000, () => `1 open subscription, saw ${open}`);
      overSse.close();
      await until(openIs(0), 10_000, () => `no open subscription, saw ${open}`);
      // The SSE response's lifetime is not recorded as an HTTP latency.
      expect(graphqlPosts((await metrics()).text)).toBe(postsBefore);
    } finally {
      overSse.close();
      await client.dispose();
    }
  });
});

describe("/metrics protection", () => {
  const METRICS_TOKEN = "scrape-token-0123456789";

  it("asks for the bearer token when METRICS_TOKEN is set", async () => {
    const test = await startTestApp({ METRICS_TOKEN });
    try {
      const anonymous = await scrape(`${test.baseUrl}/metrics`);
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.text).code).toBe("UNAUTHENTICATED");
      expect((await scrape(`${test.baseUrl}/metrics`, "wrong-token-0123456789")).status).toBe(401);
      const allowed = await scrape(`${test.baseUrl}/metrics`, METRICS_TOKEN);
      expect(allowed.status).toBe(200);
      expect(allowed.text).toContain("linkgraph_redirect_cache_hit_ratio");
    } finally {
      await test.close();
    }
  });

  it("serves /metrics only on the internal listener when METRICS_PORT is set", async () => {
    const port = await freePort();
    const test = await startTestApp({ METRICS_PORT: String(port), METRICS_HOST: "127.0.0.1" });
    try {
      expect((await scrape(`${test.baseUrl}/metrics`)).status).toBe(404);
      const internal = await scrape(`http://127.0.0.1:${port}/metrics`);
      expect(internal.status).toBe(200);
      expect(internal.text).toContain("# TYPE linkgraph_graphql_operation_duration_seconds histogram");
      // Nothing but /metrics there.
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    } finally {
      await test.close();
    }
    // Closed with the app.
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });

  it("the internal listener also checks the token when both are set", async () => {
    const port = await freePort();
    const test = await startTestApp({ METRICS_PORT: String(port), METRICS_TOKEN });
    try {
      expect((await scrape(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      expect((await scrape(`http://127.0.0.1:${port}/metrics`, METRICS_TOKEN)).status).toBe(200);
    } finally {
      await test.close();
    }
  });

  // Production needs DATABASE_URL: the embedded project runs without one.
  it.skipIf(testDatabase() === "embedded")("is closed in production unless a token or an internal port is configured", async () => {
    const test = await startTestApp({ NODE_ENV: "production" });
    try {
      const refused = await scrape(`${test.baseUrl}/metrics`);
      expect(refused.status).toBe(403);
      const problem = JSON.parse(refused.text);
      expect(problem).toMatchObject({ status: 403, code: "FORBIDDEN" });
      expect(problem.detail).toMatch(/METRICS_TOKEN or METRICS_PORT/);
    } finally {
      await test.close();
    }
  });
});
