import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callPersisted, persistedOperation } from "../../../tests/helpers/persisted.js";
import { startTestApp, type TestApp } from "../../../tests/helpers/test-app.js";
import { overSse, overWebSocket } from "../../../tests/helpers/transports.js";

const me = persistedOperation("web", "WebMe");
const linksPage = persistedOperation("web", "WebLinksPage");
const createApiKey = persistedOperation("dashboard", "DashboardCreateApiKey");

const headersOf = (headers: Headers) => ({
  limit: Number(headers.get("ratelimit-limit")),
  remaining: Number(headers.get("ratelimit-remaining")),
  reset: Number(headers.get("ratelimit-reset")),
  policy: headers.get("ratelimit-policy"),
});

// Small windows of points so a few requests reach the limit. 127.0.0.1 is "the anonymous caller".
const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: "60",
  RATE_LIMIT_ANONYMOUS_POINTS: "40",
  RATE_LIMIT_USER_POINTS: "300",
  RATE_LIMIT_API_KEY_POINTS: "500",
};

describe("GraphQL rate limits (per API key, per user, per IP; cost-based)", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startTestApp(LIMITS);
    ({ token } = await test.signUp());
  });
  afterAll(() => test.close());

  it("tells an anonymous caller its IP's allowance, and charges an operation its cost", async () => {
    const first = await callPersisted(test, me.id, undefined, { headers: { "x-forwarded-for": "203.0.113.9" } });
    const start = headersOf(first.headers);
    expect(start).toMatchObject({ limit: 40, policy: "40;w=60" });
    expect(start.reset).toBeGreaterThan(0);
    expect(start.reset).toBeLessThanOrEqual(60);
    const second = headersOf((await callPersisted(test, me.id)).headers);
    expect(second.remaining).toBe(start.remaining - 1); // `me { id email role }`: 1 point
    // X-Forwarded-For is ignored without TRUST_PROXY: both calls were charged to 127.0.0.1.
  });

  it("charges a signed-in user's own allowance, by query cost (a page of links costs its size)", async () => {
    const small = headersOf((await callPersisted(test, linksPage.id, { first: 1 }, { token })).headers);
    expect(small.limit).toBe(300);
    const big = headersOf((await callPersisted(test, linksPage.id, { first: 50 }, { token })).headers);
    // links (1) + 50 × (edges, node) + pageInfo and edges per item: far more than one point.
    expect(small.remaining - big.remaining).toBeGreaterThan(50);
  });

  it("refuses over the limit with 429, Retry-After and RATE_LIMITED with retryAfter, running nothing", async () => {
    const { token: other } = await test.signUp();
    let last = await callPersisted(test, linksPage.id, { first: 100 }, { token: other });
    for (let i = 0; i < 5 && last.status !== 429; i++) last = await callPersisted(test, linksPage.id, { first: 100 }, { token: other });
    expect(last.status).toBe(429);
    const retryAfter = Number(last.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter });
    expect(last.data ?? null).toBeNull(); // refused before execution: no data at all
    expect(headersOf(last.headers).remaining).toBe(0);

    const { result, count } = await test.countStatements(() => callPersisted(test, me.id, undefined, { token: other }));
    expect(result.status).toBe(429);
    expect(count).toBe(0);
    // Another user is not affected.
    expect((await callPersisted(test, me.id, undefined, { token })).status).toBe(200);
  });

  it("charges operations sent over WebSocket and SSE to the same allowance", async () => {
    const { token: caller } = await test.signUp();
    const before = headersOf((await callPersisted(test, me.id, undefined, { token: caller })).headers);
    await overWebSocket(test, caller, { documentId: me.id });
    await overSse(test, { method: "POST", token: caller, body: { documentId: me.id } });
    const after = headersOf((await callPersisted(test, me.id, undefined, { token: caller })).headers);
    expect(after.remaining).toBe(before.remaining - 3);
    // Spent, it is refused there too.
    await callPersisted(test, linksPage.id, { first: 100 }, { token: caller });
    await callPersisted(test, linksPage.id, { first: 100 }, { token: caller });
    const ws = await overWebSocket(test, caller, { documentId: linksPage.id, variables: { first: 100 } });
    expect(ws.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
  });

  it("gives an API key its own allowance, apart from its owner's", async () => {
    const created = await callPersisted(test, createApiKey.id, { input: { name: "ci", scopes: ["LINKS_READ"] } }, { token });
    const key = created.data.createApiKey.secret as string;
    const viaKey = headersOf((await callPersisted(test, me.id, undefined, { token: key })).headers);
    expect(viaKey.limit).toBe(500);
    expect(viaKey.remaining).toBe(499);
    expect(headersOf((await callPersisted(test, me.id, undefined, { token })).headers).limit).toBe(300);
  });

  it("charges one point for a request refused before it runs, and still sends the headers", async () => {
    const before = headersOf((await callPersisted(test, me.id, undefined, { token })).headers);
    const unknown = await callPersisted(test, `sha256:${"1".repeat(64)}`, undefined, { token });
    expect(unknown.errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(headersOf(unknown.headers).remaining).toBe(before.remaining - 1);
  });
});

describe("client IP (TRUST_PROXY)", () => {
  it("keys anonymous callers by the address the trusted proxy saw, not by what a client claims", async () => {
    const test = await startTestApp({ ...LIMITS, RATE_LIMIT_ANONYMOUS_POINTS: "2", TRUST_PROXY: "127.0.0.1/8" });
    try {
      const from = (chain: string) => callPersisted(test, me.id, undefined, { headers: { "x-forwarded-for": chain } });
      expect((await from("198.51.100.1")).status).toBe(200);
      expect((await from("198.51.100.1")).status).toBe(200);
      expect((await from("198.51.100.1")).status).toBe(429);
      // A different client behind the same proxy has its own allowance…
      expect((await from("198.51.100.2")).status).toBe(200);
      // …and a client cannot escape by prepending addresses: the proxy appended the real one.
      expect((await from("192.0.2.77, 198.51.100.1")).status).toBe(429);
    } finally {
      await test.close();
    }
  });
});

describe("rate limits shared by two instances through Redis", () => {
  const prefix = `test:${randomUUID()}:`;
  const shared = { ...LIMITS, RATE_LIMIT_USER_POINTS: "6", REDIS_URL: "redis://127.0.0.1:6379", REDIS_KEY_PREFIX: prefix };
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(shared), startTestApp(shared)]);
  });
  afterAll(async () => {
    const redis = a.app.services.redis!;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await Promise.all([a.close(), b.close()]);
  });

  it("counts a user's calls on either instance against one allowance, in Redis under REDIS_KEY_PREFIX", async () => {
    const { token } = await a.signUp();
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await callPersisted(i % 2 === 0 ? a : b, me.id, undefined, { token });
      expect(response.status).toBe(200);
      seen.push(headersOf(response.headers).remaining);
    }
    expect(seen).toEqual([5, 4, 3, 2, 1, 0]);
    const refused = await callPersisted(b, me.id, undefined, { token });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
    expect((await callPersisted(a, me.id, undefined, { token })).status).toBe(429);
    const keys = await a.app.services.redis!.keys(`${prefix}rl:graphql:user*`);
    expect(keys.length).toBe(1);
  });
});
