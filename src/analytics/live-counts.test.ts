import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { click, CLICK_COUNTS, clickBurst, sseSubscribe, subscribe, totalsOf, wsClient } from "../../tests/helpers/live.js";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

let test: TestApp;
let owner: { token: string };
let other: { token: string };

const CREATE = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug } } }`;

async function createLink(token = owner.token) {
  const result = await test.gql(CREATE, { input: { url: "https://example.com/live" } }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.createLink.link as { id: string; slug: string };
}

const visit = (slug: string) => click(test.baseUrl, slug);

async function burst(slug: string, count: number, parallel = 16) {
  const statuses = await clickBurst(test.baseUrl, slug, count, parallel);
  expect(statuses.filter((status) => status === 302)).toHaveLength(count);
}

const until = (check: () => void, timeout = 15_000) => vi.waitFor(check, { timeout, interval: 25 });

beforeAll(async () => {
  test = await startTestApp({ REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
  owner = await test.signUp();
  other = await test.signUp();
});
afterAll(() => test.close());

describe("subscription clickCounts over graphql-ws", () => {
  it("sends the current total first, then the new total after a redirect", async () => {
    const link = await createLink();
    await visit(link.slug);
    await test.app.services.clickPipeline.flush();
    const client = wsClient(test, owner.token);
    const received = subscribe(client, CLICK_COUNTS, { linkIds: [link.id] });
    await until(() => expect(totalsOf(received, link.id)).toEqual([1]));
    await visit(link.slug);
    await until(() => expect(totalsOf(received, link.id)).toEqual([1, 2]));
    received.stop();
    await client.dispose();
  });

  it("coalesces a burst: 1,000 redirects arrive as a few messages, the last one exact", async () => {
    const link = await createLink();
    const client = wsClient(test, owner.token);
    const received = subscribe(client, CLICK_COUNTS, { linkIds: [link.id] });
    await until(() => expect(totalsOf(received, link.id)).toEqual([0]));
    const started = Date.now();
    await burst(link.slug, 1_000);
    await until(() => expect(totalsOf(received, link.id).at(-1)).toBe(1_000));
    const seconds = (Date.now() - started) / 1000;
    const totals = totalsOf(received, link.id);
    if (process.env.SHOW_FIGURES) console.log(`burst: 1000 redirects in ${seconds}s -> ${totals.length} messages: ${totals.join(",")}`);
    // At most one message per LIVE_COUNTS_INTERVAL_MS window (plus the leading one and the initial total).
    expect(totals.length).toBeLessThanOrEqual(Math.ceil((seconds * 1000) / test.app.services.config.liveCountsIntervalMs) + 3);
    expect(totals.length).toBeLessThan(1_000);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    // Nothing more arrives once the total is reached.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(totalsOf(received, link.id).at(-1)).toBe(1_000);
    received.stop();
    await client.dispose();
  });

  it("follows several links at once, each with its own totals", async () => {
    const [a, b] = [await createLink(), await createLink()];
    const client = wsClient(test, owner.token);
    const received = subscribe(client, CLICK_COUNTS, { linkIds: [a.id, b.id] });
    await until(() => expect([totalsOf(received, a.id), totalsOf(received, b.id)]).toEqual([[0], [0]]));
    await burst(a.slug, 3, 1);
    await burst(b.slug, 5, 1);
    await until(() => expect([totalsOf(received, a.id).at(-1), totalsOf(received, b.id).at(-1)]).toEqual([3, 5]));
    received.stop();
    await client.dispose();
  });

  it("gives a reconnecting client the current totals first, then updates", async () => {
    const link = await createLink();
    const first = wsClient(test, owner.token);
    const before = subscribe(first, CLICK_COUNTS, { linkIds: [link.id] });
    await until(() => expect(totalsOf(before, link.id)).toEqual([0]));
    await first.dispose();
    await burst(link.slug, 7, 1); // while disconnected
    await test.app.services.clickPipeline.flush();
    const second = wsClient(test, owner.token);
    const after = subscribe(second, CLICK_COUNTS, { linkIds: [link.id] });
    await until(() => expect(totalsOf(after, link.id)).toEqual([7]));
    await visit(link.slug);
    await until(() => expect(totalsOf(after, link.id)).toEqual([7, 8]));
    after.stop();
    await second.dispose();
  });

  it("authorizes every link on subscribe: someone else's link is NOT_FOUND, a malformed id BAD_USER_INPUT", async () => {
    const mine = await createLink();
    const theirs = await createLink(other.token);
    const client = wsClient(test, owner.token);
    const refused = subscribe(client, CLICK_COUNTS, { linkIds: [mine.id, theirs.id] });
    await until(() => expect(refused.completed).toBe(true));
    expect(refused.results[0]?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(refused.results[0]?.data?.clickCounts ?? null).toBeNull();

    const malformed = subscribe(client, CLICK_COUNTS, { linkIds: ["not-an-id"] });
    await until(() => expect(malformed.completed).toBe(true));
    expect(malformed.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "linkIds" });

    const none = subscribe(client, CLICK_COUNTS, { linkIds: [] });
    await until(() => expect(none.completed).toBe(true));
    expect(none.results[0]?.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    await client.dispose();
  });

  it("authenticates at connection_init: no credential closes with 4401, a bad one with 4403", async () => {
    const closes: number[] = [];
    const anonymous = wsClient(test, undefined, { onClosed: (event) => closes.push(event.code) });
    const failed = subscribe(anonymous, CLICK_COUNTS, { linkIds: [(await createLink()).id] });
    await until(() => expect(failed.failure).toBeDefined());
    const forged = wsClient(test, "not-a-real-token", { onClosed: (event) => closes.push(event.code) });
    const refused = subscribe(forged, CLICK_COUNTS, { linkIds: [(await createLink()).id] });
    await until(() => expect(refused.failure).toBeDefined());
    expect(closes).toEqual([4401, 4403]);
    await anonymous.dispose();
    await forged.dispose();
  });

  it("needs the ANALYTICS_READ scope for API keys", async () => {
    const link = await createLink();
    const createKey = async (scopes: string[]) => {
      const result = await test.gql(
        `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
        { input: { name: `key ${scopes.join(" ")}`, scopes } },
        { token: owner.token },
      );
      expect(result.errors).toBeUndefined();
      return result.data.createApiKey.secret as string;
    };
    const readOnly = wsClient(test, await createKey(["LINKS_READ"]));
    const refused = subscribe(readOnly, CLICK_COUNTS, { linkIds: [link.id] });
    await until(() => expect(refused.completed).toBe(true));
    expect(refused.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", scope: "ANALYTICS_READ" });

    const analytics = wsClient(test, await createKey(["ANALYTICS_READ"]));
    const allowed = subscribe(analytics, CLICK_COUNTS, { linkIds: [link.id] });
    await until(() => expect(totalsOf(allowed, link.id)).toEqual([0]));
    await readOnly.dispose();
    await analytics.dispose();
  });
});

describe("subscription clickCounts over SSE", () => {
  it("streams the current total, then new totals, with Accept: text/event-stream", async () => {
    const link = await createLink();
    const stream = await sseSubscribe(test, owner.token, CLICK_COUNTS, { linkIds: [link.id] });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain("text/event-stream");
    await until(() => expect(totalsOf(stream, link.id)).toEqual([0]));
    await burst(link.slug, 3, 1);
    await until(() => expect(totalsOf(stream, link.id).at(-1)).toBe(3));
    stream.close();
  });

  it("answers an unauthorized subscription with the error, not a stream of totals", async () => {
    const theirs = await createLink(other.token);
    const stream = await sseSubscribe(test, owner.token, CLICK_COUNTS, { linkIds: [theirs.id] });
    await until(() => expect(stream.results[0]?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND"));
    stream.close();
  });
});
