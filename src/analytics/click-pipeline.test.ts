import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decodeGlobalId } from "../graphql/global-id.js";
import { BROWSER_UA, click, clickBurst } from "../../tests/helpers/live.js";
import { startTestApp, testDatabase, type TestApp } from "../../tests/helpers/test-app.js";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const HOUR_AGO = () => new Date(Date.now() - 3_600_000).toISOString();

let test: TestApp;
let token: string;

async function createLink(input: Record<string, unknown> = {}, app = test, as = token) {
  const result = await app.gql(
    `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug } } }`,
    { input: { url: "https://example.com/a", ...input } },
    { token: as },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createLink.link as { id: string; slug: string };
}

const storedClicks = (app: TestApp, linkGlobalId: string) =>
  app.app.services.db.$queryRawUnsafe<Array<Record<string, any>>>(
    `SELECT count, "isBot", encode(visitor, 'hex') AS visitor, referrer, country, device, browser, os, host(ip) AS ip FROM "Click" WHERE "linkId" = $1::uuid ORDER BY at`,
    decodeGlobalId(linkGlobalId).id,
  );

async function stats(slug: string) {
  const result = await test.gql(
    `query ($slug: String!, $from: DateTime!) { link(slug: $slug) { clickCount status clickStats(from: $from) { clicks uniqueVisitors botClicks } } }`,
    { slug, from: HOUR_AGO() },
    { token },
  );
  expect(result.errors).toBeUndefined();
  return result.data.link;
}

beforeAll(async () => {
  test = await startTestApp({ TRUST_PROXY: "1", CLICK_COUNTRY_HEADER: "CF-IPCountry" });
  ({ token } = await test.signUp());
});
afterAll(() => test.close());

describe("the click pipeline", () => {
  it("stores each click enriched (device, browser, OS, referring host, country) and no address", async () => {
    const link = await createLink();
    await click(test.baseUrl, link.slug, {
      "user-agent": IPHONE,
      referer: "https://www.news.ycombinator.com/item?id=42",
      "cf-ipcountry": "fr",
      "x-forwarded-for": "203.0.113.7",
    });
    await click(test.baseUrl, link.slug, { "user-agent": FIREFOX, "cf-ipcountry": "XX" });
    await test.app.services.clickPipeline.flush();
    const rows = await storedClicks(test, link.id);
    expect(rows).toEqual([
      {
        count: 1,
        isBot: false,
        visitor: expect.stringMatching(/^[0-9a-f]{32}$/),
        referrer: "news.ycombinator.com",
        country: "FR",
        device: "mobile",
        browser: "Mobile Safari",
        os: "iOS",
        ip: null,
      },
      {
        count: 1,
        isBot: false,
        visitor: expect.stringMatching(/^[0-9a-f]{32}$/),
        referrer: null,
        country: null,
        device: "desktop",
        browser: "Firefox",
        os: "Windows",
        ip: null,
      },
    ]);
    expect((await stats(link.slug)).clickCount).toBe(2);
  });

  it("flags bots, stores them, and leaves them out of clickCount and maxClicks", async () => {
    const link = await createLink({ maxClicks: 2 });
    for (let i = 0; i < 3; i++) expect(await click(test.baseUrl, link.slug, { "user-agent": GOOGLEBOT })).toBe(302);
    expect(await click(test.baseUrl, link.slug, { "user-agent": "curl/8.5.0" })).toBe(302);
    expect(await click(test.baseUrl, link.slug)).toBe(302);
    expect(await click(test.baseUrl, link.slug)).toBe(302);
    expect(await click(test.baseUrl, link.slug)).toBe(410); // two human clicks used it up
    await test.app.services.clickPipeline.flush();
    expect(await stats(link.slug)).toEqual({ clickCount: 2, status: "EXHAUSTED", clickStats: { clicks: 2, uniqueVisitors: 1, botClicks: 4 } });
    const bots = (await storedClicks(test, link.id)).filter((row) => row.isBot);
    expect(bots.map((row) => row.device)).toEqual(bots.map(() => "bot"));
    expect(bots.reduce((sum, row) => sum + row.count, 0)).toBe(4);
  });

  it("counts unique visitors: one address with one browser is one visitor", async () => {
    const link = await createLink();
    const from = (ip: string, userAgent: string) => click(test.baseUrl, link.slug, { "x-forwarded-for": ip, "user-agent": userAgent });
    for (let i = 0; i < 3; i++) await from("198.51.100.1", BROWSER_UA);
    for (let i = 0; i < 2; i++) await from("198.51.100.2", BROWSER_UA);
    await from("198.51.100.1", FIREFOX);
    await test.app.services.clickPipeline.flush();
    expect((await stats(link.slug)).clickStats).toEqual({ clicks: 6, uniqueVisitors: 3, botClicks: 0 });
    const visitors = new Set((await storedClicks(test, link.id)).map((row) => row.visitor));
    expect(visitors.size).toBe(3);
  });

  it("breaks clicks down by referrer, country, device, browser and OS, most clicks first", async () => {
    const link = await createLink();
    const visits: Array<[string, Record<string, string>]> = [
      [IPHONE, { referer: "https://t.co/abc", "cf-ipcountry": "DE" }],
      [IPHONE, { referer: "https://t.co/def", "cf-ipcountry": "DE" }],
      [FIREFOX, { referer: "https://www.reddit.com/r/x", "cf-ipcountry": "US" }],
      [BROWSER_UA, { "cf-ipcountry": "DE" }],
    ];
    for (const [userAgent, headers] of visits) await click(test.baseUrl, link.slug, { "user-agent": userAgent, ...headers });
    await test.app.services.clickPipeline.flush();
    const result = await test.gql(
      `query ($slug: String!, $from: DateTime!) { link(slug: $slug) {
         referrer: clickBreakdown(by: REFERRER, from: $from) { value clicks }
         country: clickBreakdown(by: COUNTRY, from: $from) { value clicks uniqueVisitors }
         device: clickBreakdown(by: DEVICE, from: $from) { value clicks }
         browser: clickBreakdown(by: BROWSER, from: $from, first: 1) { value clicks }
         os: clickBreakdown(by: OS, from: $from) { value clicks } } }`,
      { slug: link.slug, from: HOUR_AGO() },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.link).toEqual({
      referrer: [
        { value: "t.co", clicks: 2 },
        { value: "reddit.com", clicks: 1 },
        { value: null, clicks: 1 },
      ],
      country: [
        { value: "DE", clicks: 3, uniqueVisitors: 2 },
        { value: "US", clicks: 1, uniqueVisitors: 1 },
      ],
      device: [
        { value: "desktop", clicks: 2 },
        { value: "mobile", clicks: 2 },
      ],
      browser: [{ value: "Mobile Safari", clicks: 2 }],
      os: [
        { value: "iOS", clicks: 2 },
        { value: "Linux", clicks: 1 },
        { value: "Windows", clicks: 1 },
      ],
    });
    const bad = await test.gql(
      `query ($slug: String!, $from: DateTime!) { link(slug: $slug) { clickBreakdown(by: OS, from: $from, first: 0) { value } } }`,
      { slug: link.slug, from: HOUR_AGO() },
      { token },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("stores the address only when CLICK_STORE_IP=true", async () => {
    const storing = await startTestApp({ TRUST_PROXY: "1", CLICK_STORE_IP: "true" });
    try {
      const { token: owner } = await storing.signUp();
      const link = await createLink({}, storing, owner);
      await click(storing.baseUrl, link.slug, { "x-forwarded-for": "192.0.2.44" });
      await storing.app.services.clickPipeline.flush();
      expect((await storedClicks(storing, link.id)).map((row) => row.ip)).toEqual(["192.0.2.44"]);
    } finally {
      await storing.close();
    }
  });

  it("under back-pressure drops and counts clicks beyond the buffer, and every redirect is still served", async () => {
    const small = await startTestApp({ CLICK_BUFFER_MAX: "5", CLICK_FLUSH_INTERVAL_MS: "60000" });
    try {
      const { token: owner } = await small.signUp();
      const link = await createLink({}, small, owner);
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push(await click(small.baseUrl, link.slug));
      expect(statuses).toEqual(Array(12).fill(302));
      expect(small.app.services.clickPipeline.stats()).toMatchObject({ accepted: 5, dropped: 7, buffered: 5 });
      await small.app.services.clickPipeline.flush();
      expect((await small.app.services.db.link.findFirstOrThrow({ where: { slug: link.slug } })).clickCount).toBe(5);
    } finally {
      await small.close();
    }
  });
});

describe("graceful shutdown", () => {
  it("flushes every accepted click: raw clicks, rollups and totals agree", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "linkgraph-clicks-"));
    const storage = testDatabase() === "postgres" ? { DATABASE_URL: inject("databaseUrl") } : { DATA_DIR: dataDir };
    try {
      // Nothing is written before close(): the interval is far longer than the test.
      const first = await startTestApp({ ...storage, CLICK_FLUSH_INTERVAL_MS: "60000", CLICK_BATCH_SIZE: "10000" });
      const { token: owner } = await first.signUp();
      const link = await createLink({}, first, owner);
      const statuses = await clickBurst(first.baseUrl, link.slug, 500);
      expect(statuses.filter((status) => status === 302)).toHaveLength(500);
      expect(first.app.services.clickPipeline.stats()).toMatchObject({ accepted: 500, dropped: 0 });
      await first.close();

      const second = await startTestApp({ ...storage, REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
      try {
        const id = decodeGlobalId(link.id).id;
        const [row] = await second.app.services.db.$queryRawUnsafe<Array<{ total: number; raw: number; rows: number; rolled: number }>>(
          `SELECT (SELECT "clickCount" FROM "Link" WHERE id = $1::uuid) AS total,
                  (SELECT sum(count)::int FROM "Click" WHERE "linkId" = $1::uuid) AS raw,
                  (SELECT count(*)::int FROM "Click" WHERE "linkId" = $1::uuid) AS rows,
                  (SELECT sum(clicks)::int FROM "ClickRollup" WHERE "linkId" = $1::uuid) AS rolled`,
          id,
        );
        expect(row).toMatchObject({ total: 500, raw: 500, rolled: 500 });
        // One client's identical clicks share a row per second.
        expect(row!.rows).toBeLessThan(50);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
