import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeGlobalId } from "../graphql/global-id.js";
import { BROWSER_UA, click } from "../../tests/helpers/live.js";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

let test: TestApp;
let token: string;

const SERIES = `query ($slug: String!, $from: DateTime!, $to: DateTime, $granularity: ClickGranularity!, $timezone: String!) {
  link(slug: $slug) { clickSeries(from: $from, to: $to, granularity: $granularity, timezone: $timezone) { start end clicks } } }`;

async function createLink(as = token) {
  const result = await test.gql(`mutation { createLink(input: { url: "https://example.com/s" }) { link { id slug } } }`, {}, { token: as });
  expect(result.errors).toBeUndefined();
  return result.data.createLink.link as { id: string; slug: string };
}

/** Clicks at chosen instants, through the pipeline's own entry (as the redirect handler calls it). */
async function clicksAt(link: { id: string }, instants: string[], userAgent = BROWSER_UA) {
  for (const instant of instants) {
    test.app.services.clickPipeline.record({
      at: Date.parse(instant),
      linkId: decodeGlobalId(link.id).id,
      referrer: undefined,
      userAgent,
      peer: "127.0.0.1",
      forwardedFor: undefined,
      country: undefined,
      capped: false,
    });
  }
  await test.app.services.clickPipeline.flush();
}

async function series(slug: string, from: string, to: string, granularity: string, timezone: string) {
  const result = await test.gql(SERIES, { slug, from, to, granularity, timezone }, { token });
  expect(result.errors).toBeUndefined();
  return (result.data.link.clickSeries as Array<{ start: string; end: string; clicks: number }>).map((b) => [b.start, b.end, b.clicks]);
}

beforeAll(async () => {
  test = await startTestApp();
  ({ token } = await test.signUp());
});
afterAll(() => test.close());

describe("Link.clickSeries", () => {
  it("buckets by UTC hour, from rounded down and to rounded up to whole buckets, empty buckets as 0", async () => {
    const link = await createLink();
    await clicksAt(link, ["2026-05-04T10:00:00.000Z", "2026-05-04T10:59:59.999Z", "2026-05-04T12:30:00.000Z", "2026-05-04T13:00:00.000Z"]);
    expect(await series(link.slug, "2026-05-04T10:20:00Z", "2026-05-04T12:40:00Z", "HOUR", "UTC")).toEqual([
      ["2026-05-04T10:00:00.000Z", "2026-05-04T11:00:00.000Z", 2],
      ["2026-05-04T11:00:00.000Z", "2026-05-04T12:00:00.000Z", 0],
      ["2026-05-04T12:00:00.000Z", "2026-05-04T13:00:00.000Z", 1],
    ]);
  });

  it("makes the autumn DST day 25 hours in America/New_York, with the repeated 1 AM as two hours", async () => {
    const link = await createLink();
    // 00:59 EDT, 01:30 EDT, 01:30 EST (the repeated hour), 23:59 EST on Nov 1; then 00:00 EST on Nov 2.
    await clicksAt(link, ["2026-11-01T04:59:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-02T04:59:00Z", "2026-11-02T05:00:00Z"]);
    expect(await series(link.slug, "2026-10-31T12:00:00Z", "2026-11-02T12:00:00Z", "DAY", "America/New_York")).toEqual([
      ["2026-10-31T04:00:00.000Z", "2026-11-01T04:00:00.000Z", 0],
      ["2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z", 4],
      ["2026-11-02T05:00:00.000Z", "2026-11-03T05:00:00.000Z", 1],
    ]);
    expect(await series(link.slug, "2026-11-01T04:00:00Z", "2026-11-01T08:00:00Z", "HOUR", "America/New_York")).toEqual([
      ["2026-11-01T04:00:00.000Z", "2026-11-01T05:00:00.000Z", 1],
      ["2026-11-01T05:00:00.000Z", "2026-11-01T06:00:00.000Z", 1],
      ["2026-11-01T06:00:00.000Z", "2026-11-01T07:00:00.000Z", 1],
      ["2026-11-01T07:00:00.000Z", "2026-11-01T08:00:00.000Z", 0],
    ]);
  });

  it("makes the spring DST day 23 hours", async () => {
    const link = await createLink();
    // 23:59 EDT on Mar 8 (clocks jumped from 2:00 EST to 3:00 EDT that night), then midnight.
    await clicksAt(link, ["2026-03-08T05:00:00Z", "2026-03-09T03:59:59Z", "2026-03-09T04:00:00Z"]);
    expect(await series(link.slug, "2026-03-08T06:00:00Z", "2026-03-09T05:00:00Z", "DAY", "America/New_York")).toEqual([
      ["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z", 2],
      ["2026-03-09T04:00:00.000Z", "2026-03-10T04:00:00.000Z", 1],
    ]);
  });

  it("starts days at 18:30 UTC in Asia/Kolkata (raw clicks answer half-hour zones exactly)", async () => {
    const link = await createLink();
    await clicksAt(link, ["2026-06-01T18:29:59Z", "2026-06-01T18:30:00Z"]);
    expect(await series(link.slug, "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z", "DAY", "Asia/Kolkata")).toEqual([
      ["2026-05-31T18:30:00.000Z", "2026-06-01T18:30:00.000Z", 1],
      ["2026-06-01T18:30:00.000Z", "2026-06-02T18:30:00.000Z", 1],
    ]);
    expect(await series(link.slug, "2026-06-01T18:00:00Z", "2026-06-01T19:00:00Z", "HOUR", "Asia/Kolkata")).toEqual([
      ["2026-06-01T17:30:00.000Z", "2026-06-01T18:30:00.000Z", 1],
      ["2026-06-01T18:30:00.000Z", "2026-06-01T19:30:00.000Z", 1],
    ]);
  });

  it("starts weeks on Monday and months on the 1st, in the requested zone", async () => {
    const link = await createLink();
    // Sunday 23:59 and Monday 00:00 UTC; 22:30 UTC on Mar 31 is already April 1 in Paris.
    await clicksAt(link, ["2026-06-07T23:59:00Z", "2026-06-08T00:00:00Z", "2026-03-31T22:30:00Z"]);
    expect(await series(link.slug, "2026-06-01T00:00:00Z", "2026-06-15T00:00:00Z", "WEEK", "UTC")).toEqual([
      ["2026-06-01T00:00:00.000Z", "2026-06-08T00:00:00.000Z", 1],
      ["2026-06-08T00:00:00.000Z", "2026-06-15T00:00:00.000Z", 1],
    ]);
    const months = (timezone: string) => series(link.slug, "2026-03-15T00:00:00Z", "2026-04-15T00:00:00Z", "MONTH", timezone);
    expect((await months("UTC")).map(([start, , clicks]) => [start, clicks])).toEqual([
      ["2026-03-01T00:00:00.000Z", 1],
      ["2026-04-01T00:00:00.000Z", 0],
    ]);
    expect((await months("Europe/Paris")).map(([start, , clicks]) => [start, clicks])).toEqual([
      ["2026-02-28T23:00:00.000Z", 0],
      ["2026-03-31T22:00:00.000Z", 1],
    ]);
  });

  it("counts minutes from raw clicks and leaves bots out", async () => {
    const link = await createLink();
    await clicksAt(link, ["2026-07-01T09:00:10Z", "2026-07-01T09:00:50Z", "2026-07-01T09:02:00Z"]);
    await clicksAt(link, ["2026-07-01T09:00:30Z"], "Googlebot/2.1 (+http://www.google.com/bot.html)");
    expect(await series(link.slug, "2026-07-01T09:00:00Z", "2026-07-01T09:03:00Z", "MINUTE", "UTC")).toEqual([
      ["2026-07-01T09:00:00.000Z", "2026-07-01T09:01:00.000Z", 2],
      ["2026-07-01T09:01:00.000Z", "2026-07-01T09:02:00.000Z", 0],
      ["2026-07-01T09:02:00.000Z", "2026-07-01T09:03:00.000Z", 1],
    ]);
  });

  it("refuses bad arguments with BAD_USER_INPUT and the field", async () => {
    const link = await createLink();
    const attempt = async (variables: Record<string, unknown>) =>
      (
        await test.gql(
          SERIES,
          { slug: link.slug, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", granularity: "HOUR", timezone: "UTC", ...variables },
          { token },
        )
      ).errors?.[0]?.extensions;
    expect(await attempt({ timezone: "Mars/Olympus_Mons" })).toMatchObject({ code: "BAD_USER_INPUT", field: "timezone" });
    expect(await attempt({ to: "2025-12-31T00:00:00Z" })).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    expect(await attempt({ granularity: "MINUTE", to: "2026-03-01T00:00:00Z" })).toMatchObject({ code: "BAD_USER_INPUT", field: "granularity" });
    expect(await attempt({ granularity: "FORTNIGHT" })).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("analytics of a page of links", () => {
  it("answers 50 links with totals, unique visitors and a 24-hour series in at most 3 SQL statements", async () => {
    const { token: owner } = await test.signUp();
    const links: Array<{ id: string; slug: string }> = [];
    for (let i = 0; i < 50; i++) links.push(await createLink(owner));
    for (const link of links.slice(0, 3)) await click(test.baseUrl, link.slug);
    await click(test.baseUrl, links[0]!.slug, { "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0" });
    await test.app.services.clickPipeline.flush();
    const now = Date.now();
    const query = `query ($from: DateTime!, $to: DateTime!) { links(first: 50) { edges { node {
      id slug clickCount
      clickStats(from: $from, to: $to) { clicks uniqueVisitors }
      clickSeries(from: $from, to: $to, granularity: HOUR) { start clicks } } } } }`;
    const variables = { from: new Date(now - 24 * 3_600_000).toISOString(), to: new Date(now).toISOString() };
    const { result, count, statements } = await test.countStatements(() => test.gql(query, variables, { token: owner }));
    expect(result.errors).toBeUndefined();
    // The actor (one statement), the links, stats, series.
    expect(count, statements.join("\n\n")).toBeLessThanOrEqual(4);
    if (process.env.SHOW_FIGURES) console.log(`50 links with totals, stats and 24h series: ${count} SQL statements`);
    const nodes = result.data.links.edges.map((edge: any) => edge.node);
    expect(nodes).toHaveLength(50);
    const first = nodes.find((node: any) => node.slug === links[0]!.slug);
    expect(first.clickCount).toBe(2);
    expect(first.clickStats).toEqual({ clicks: 2, uniqueVisitors: 2 });
    expect(first.clickSeries).toHaveLength(25);
    expect(first.clickSeries.reduce((sum: number, bucket: any) => sum + bucket.clicks, 0)).toBe(2);
    expect(nodes.filter((node: any) => node.clickCount > 0)).toHaveLength(3);
  });

  it("needs ANALYTICS_READ for API keys; the links themselves still answer", async () => {
    const link = await createLink();
    const key = async (scopes: string[]) =>
      (
        await test.gql(
          `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
          { input: { name: scopes.join("+"), scopes } },
          { token },
        )
      ).data.createApiKey.secret as string;
    const query = `query ($slug: String!, $from: DateTime!) { link(slug: $slug) { slug clickCount clickSeries(from: $from) { clicks } } }`;
    const variables = { slug: link.slug, from: new Date(Date.now() - 3_600_000).toISOString() };
    const refused = await test.gql(query, variables, { token: await key(["LINKS_READ"]) });
    expect(refused.data.link).toEqual({ slug: link.slug, clickCount: 0, clickSeries: null });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", scope: "ANALYTICS_READ" });
    const allowed = await test.gql(query, variables, { token: await key(["LINKS_READ", "ANALYTICS_READ"]) });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.link.clickSeries).toHaveLength(2);
  });

  it("summarises an account: clicks, unique visitors and the top links over a range", async () => {
    const { token: owner } = await test.signUp();
    const [a, b, c] = [await createLink(owner), await createLink(owner), await createLink(owner)];
    for (let i = 0; i < 3; i++) await click(test.baseUrl, b.slug);
    await click(test.baseUrl, a.slug);
    await click(test.baseUrl, c.slug, { "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0" });
    await click(test.baseUrl, c.slug, { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" });
    await test.app.services.clickPipeline.flush();
    const result = await test.gql(
      `query ($from: DateTime!) { clickSummary(from: $from, first: 2) { clicks linksClicked uniqueVisitors topLinks { clicks uniqueVisitors link { slug } } } }`,
      { from: new Date(Date.now() - 3_600_000).toISOString() },
      { token: owner },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.clickSummary).toEqual({
      clicks: 5,
      linksClicked: 3,
      uniqueVisitors: 2,
      topLinks: [
        { clicks: 3, uniqueVisitors: 1, link: { slug: b.slug } },
        // Ties go to the older link.
        { clicks: 1, uniqueVisitors: 1, link: { slug: a.slug } },
      ],
    });
  });
});
