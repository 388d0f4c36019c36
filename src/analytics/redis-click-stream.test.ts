import { DEFAULT_DOMAIN_ID } from "../domains/default-domain.js";
import { linkCacheKey } from "../links/link-cache.js";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decodeGlobalId } from "../graphql/global-id.js";
import { click, CLICK_COUNTS, clickBurst, subscribe, totalsOf, wsClient } from "../../tests/helpers/live.js";
import { startTestApp, testDatabase, type TestApp } from "../../tests/helpers/test-app.js";
import type { EnrichedClick } from "./click-event.js";
import { clickId } from "./click-id.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const until = (check: () => unknown, timeout = 15_000) => vi.waitFor(check, { timeout, interval: 25 });
const sharedDatabase = testDatabase() === "postgres";

let redis: Redis;
beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterAll(() => redis.quit());

async function createLink(app: TestApp, token: string, input: Record<string, unknown> = {}) {
  const result = await app.gql(
    `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug } } }`,
    { input: { url: "https://example.com/r", ...input } },
    { token },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createLink.link as { id: string; slug: string };
}

const storedTotal = async (app: TestApp, slug: string) => (await app.app.services.db.link.findFirstOrThrow({ where: { slug } })).clickCount;
const rawClicks = async (app: TestApp, linkGlobalId: string) =>
  (
    await app.app.services.db.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT coalesce(sum(count), 0)::int AS n FROM "Click" WHERE "linkId" = $1::uuid`,
      decodeGlobalId(linkGlobalId).id,
    )
  )[0]!.n;

describe("clicks through a Redis stream (REDIS_URL set)", () => {
  it("stores every click once through the consumer group, and leaves nothing pending", async () => {
    const prefix = `test:${randomUUID()}:`;
    const test = await startTestApp({ REDIS_URL, REDIS_KEY_PREFIX: prefix });
    try {
      expect(test.app.services.clickPipeline.mode).toBe("redis");
      const { token } = await test.signUp();
      const link = await createLink(test, token);
      const statuses = await clickBurst(test.baseUrl, link.slug, 300);
      expect(statuses.filter((status) => status === 302)).toHaveLength(300);
      await until(async () => expect(await storedTotal(test, link.slug)).toBe(300));
      expect(await rawClicks(test, link.id)).toBe(300);
      const stream = `${prefix}clicks:stream`;
      await until(async () => expect(await redis.xlen(stream)).toBe(0)); // acknowledged entries are deleted
      const [pending] = (await redis.xpending(stream, "click-writers")) as [number];
      expect(pending).toBe(0);
    } finally {
      await test.close();
    }
  });

  it("takes over entries a crashed instance read but never acknowledged, and stores a redelivered batch once", async () => {
    const prefix = `test:${randomUUID()}:`;
    const test = await startTestApp({ REDIS_URL, REDIS_KEY_PREFIX: prefix, CLICK_CLAIM_IDLE_MS: "300" });
    try {
      const { token } = await test.signUp();
      const link = await createLink(test, token);
      const stream = `${prefix}clicks:stream`;
      const batch: EnrichedClick[] = [1, 2, 3].map((i) => ({
        id: clickId(Date.now()),
        linkId: decodeGlobalId(link.id).id,
        at: Date.now() - i * 1000,
        count: 1,
        bot: false,
        visitor: "00112233445566778899aabbccddeeff",
        referrer: null,
        country: null,
        device: "desktop",
        browser: "Chrome",
        os: "Linux",
        ip: null,
        origin: "crashed-instance",
        capped: false,
      }));
      // Another instance appends a batch and reads it in the same transaction (so no live
      // consumer sees it first), then dies before storing it: the entry stays pending under its name.
      const [[, added], [, read]] = (await redis
        .multi()
        .xadd(stream, "*", "clicks", JSON.stringify(batch))
        .xreadgroup("GROUP", "click-writers", "crashed-instance", "COUNT", 10, "STREAMS", stream, ">")
        .exec()) as [[null, string], [null, Array<[string, Array<[string, string[]]>]>]];
      expect(read[0]![1].map(([id]) => id)).toEqual([added]);
      await until(async () => expect(await storedTotal(test, link.slug)).toBe(3));
      await until(async () => expect(((await redis.xpending(stream, "click-writers")) as [number])[0]).toBe(0));

      // The same clicks delivered again (a writer that stored them but died before acknowledging).
      await redis.xadd(stream, "*", "clicks", JSON.stringify(batch));
      await until(async () => expect(await redis.xlen(stream)).toBe(0));
      await test.app.services.clickPipeline.flush();
      expect(await storedTotal(test, link.slug)).toBe(3);
      expect(await rawClicks(test, link.id)).toBe(3);
    } finally {
      await test.close();
    }
  });

  describe.skipIf(!sharedDatabase)("two instances sharing Redis and PostgreSQL", () => {
    let a: TestApp;
    let b: TestApp;
    let token: string;
    const prefix = `test:${randomUUID()}:`;
    beforeAll(async () => {
      [a, b] = await Promise.all([
        startTestApp({ REDIS_URL, REDIS_KEY_PREFIX: prefix }),
        startTestApp({ REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: "error" }),
      ]);
      ({ token } = await a.signUp());
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
    });

    it("lets either instance write any click: totals are exact and live counts cross instances", async () => {
      const link = await createLink(a, token);
      const client = wsClient(a, token);
      const received = subscribe(client, CLICK_COUNTS, { linkIds: [link.id] });
      await until(() => expect(totalsOf(received, link.id)).toEqual([0]));
      const [onA, onB] = await Promise.all([clickBurst(a.baseUrl, link.slug, 150, 8), clickBurst(b.baseUrl, link.slug, 150, 8)]);
      expect([...onA, ...onB].filter((status) => status === 302)).toHaveLength(300);
      await until(() => expect(totalsOf(received, link.id).at(-1)).toBe(300));
      // Live totals run ahead of storage (deltas): the last batch may still be on its way.
      await until(async () => expect(await rawClicks(a, link.id)).toBe(300));
      const consumers = (await redis.xinfo("CONSUMERS", `${prefix}clicks:stream`, "click-writers")) as unknown[][];
      expect(consumers.length).toBeGreaterThanOrEqual(2);
      received.stop();
      await client.dispose();
    });

    it("enforces maxClicks across instances once each has heard the other's stored totals", async () => {
      const link = await createLink(a, token, { maxClicks: 10 });
      const cachedClicks = (app: TestApp) => {
        const cached = app.app.services.linkCache.peek(linkCacheKey(DEFAULT_DOMAIN_ID, link.slug));
        return cached && typeof cached === "object" ? cached.clicks : undefined;
      };
      // createLink on A invalidates the slug on every instance through Redis; under load that message
      // can reach B after B cached the new link, dropping the entry. Wait until B's entry survives it.
      await until(async () => {
        await b.app.services.linkCache.load(linkCacheKey(DEFAULT_DOMAIN_ID, link.slug));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(cachedClicks(b)).toBe(0);
      });
      expect(await click(b.baseUrl, link.slug)).toBe(302);
      await b.app.services.clickPipeline.flush();
      for (let i = 0; i < 5; i++) expect(await click(a.baseUrl, link.slug)).toBe(302);
      await a.app.services.clickPipeline.flush();
      await until(() => expect(cachedClicks(b)).toBe(6));
      const fromB = [];
      for (let i = 0; i < 6; i++) fromB.push(await click(b.baseUrl, link.slug));
      expect(fromB).toEqual([302, 302, 302, 302, 410, 410]);
      await b.app.services.clickPipeline.flush();
      await until(() => expect(cachedClicks(a)).toBe(10));
      expect(await click(a.baseUrl, link.slug)).toBe(410);
      expect(await storedTotal(a, link.slug)).toBe(10);
    });
  });
});
