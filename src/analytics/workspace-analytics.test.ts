import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { click } from "../../tests/helpers/live.js";
import { restClient } from "../../tests/helpers/rest-client.js";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

/**
 * Workspace-wide series and breakdowns (ClickSummary.series / .breakdown and their REST routes)
 * over real redirects: two links of a team workspace, one link of the owner's personal workspace.
 */
type User = { token: string; userId: string; email: string };

let test: TestApp;
let owner: User;
let viewer: User;
let teamId: string;
const from = new Date(Date.now() - 3_600_000).toISOString();

const SUMMARY = `query ($from: DateTime!, $granularity: ClickGranularity!, $timezone: String!, $by: ClickDimension!, $first: Int!) {
  clickSummary(from: $from) {
    clicks uniqueVisitors
    series(granularity: $granularity, timezone: $timezone) { start end clicks }
    breakdown(by: $by, first: $first) { value clicks uniqueVisitors }
  } }`;

const summary = (token: string, workspaceId: string | undefined, variables: Record<string, unknown> = {}) =>
  test.gql(
    SUMMARY,
    { from, granularity: "HOUR", timezone: "UTC", by: "REFERRER", first: 10, ...variables },
    { token, headers: workspaceId ? { "x-workspace-id": workspaceId } : {} },
  );

const gql = (user: User, query: string, variables: Record<string, unknown> = {}) => test.gql(query, variables, { token: user.token });

async function createLink(workspaceId: string | undefined) {
  const result = await gql(owner, `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { slug } } }`, {
    input: { url: "https://example.com/w", ...(workspaceId ? { workspaceId } : {}) },
  });
  expect(result.errors).toBeUndefined();
  return result.data.createLink.link.slug as string;
}

// Visitors are told apart by address (TRUST_PROXY: X-Forwarded-For) and user agent.
const visit = (slug: string, visitor: string, country: string, referrer?: string) =>
  click(test.baseUrl, slug, { "x-forwarded-for": visitor, "cf-ipcountry": country, ...(referrer ? { referer: `https://${referrer}/post` } : {}) });

async function apiKey(workspaceId: string, scopes: string[]) {
  const result = await gql(owner, `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
    input: { workspaceId, name: "analytics", scopes },
  });
  expect(result.errors).toBeUndefined();
  return result.data.createApiKey.secret as string;
}

beforeAll(async () => {
  test = await startTestApp({ TRUST_PROXY: "1", CLICK_COUNTRY_HEADER: "CF-IPCountry" });
  [owner, viewer] = await Promise.all([test.signUp(), test.signUp()]);
  const created = await gql(owner, `mutation { createWorkspace(input: { name: "Team" }) { workspace { id } } }`);
  teamId = created.data.createWorkspace.workspace.id;
  const invited = await gql(owner, `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`, {
    input: { workspaceId: teamId, email: viewer.email, role: "VIEWER" },
  });
  const accepted = await gql(viewer, `mutation ($token: String!) { acceptInvitation(input: { token: $token }) { workspace { viewerRole } } }`, {
    token: invited.data.inviteMember.token,
  });
  expect(accepted.data.acceptInvitation.workspace.viewerRole).toBe("VIEWER");

  const [a, b, personal] = [await createLink(teamId), await createLink(teamId), await createLink(undefined)];
  const statuses = [
    await visit(a, "203.0.113.1", "DE", "news.example"),
    await visit(a, "203.0.113.1", "DE", "news.example"),
    await visit(a, "203.0.113.2", "FR", "news.example"),
    await visit(b, "203.0.113.2", "FR", "blog.example"),
    await visit(b, "203.0.113.1", "DE"),
    // Another workspace's clicks, on the owner's personal link.
    await visit(personal, "203.0.113.3", "US", "news.example"),
    await visit(personal, "203.0.113.3", "US", "news.example"),
    await visit(personal, "203.0.113.3", "US", "news.example"),
  ];
  expect(statuses.every((status) => status === 302)).toBe(true);
  await test.app.services.clickPipeline.flush();
});
afterAll(() => test?.close());

const countriesOfTeam = [
  { value: "DE", clicks: 3, uniqueVisitors: 1 },
  { value: "FR", clicks: 2, uniqueVisitors: 1 },
];
const total = (buckets: Array<{ clicks: number }>) => buckets.reduce((sum, bucket) => sum + bucket.clicks, 0);

describe("ClickSummary.series and .breakdown (GraphQL)", () => {
  it("sums the workspace's links per bucket, from the rollups (HOUR, UTC) and from raw clicks (a half-hour zone)", async () => {
    const hourly = await summary(owner.token, teamId);
    expect(hourly.errors).toBeUndefined();
    expect(hourly.data.clickSummary).toMatchObject({ clicks: 5, uniqueVisitors: 2 });
    expect(total(hourly.data.clickSummary.series)).toBe(5);
    expect(hourly.data.clickSummary.series.every((b: { start: string }) => new Date(b.start).getUTCMinutes() === 0)).toBe(true);

    const kolkata = await summary(owner.token, teamId, { granularity: "HOUR", timezone: "Asia/Kolkata" });
    expect(kolkata.errors).toBeUndefined();
    expect(total(kolkata.data.clickSummary.series)).toBe(5);
    expect(kolkata.data.clickSummary.series.every((b: { start: string }) => new Date(b.start).getUTCMinutes() === 30)).toBe(true);
  });

  it("breaks down by referrer and country with exact unique visitors across links", async () => {
    const referrers = await summary(owner.token, teamId, { by: "REFERRER" });
    expect(referrers.data.clickSummary.breakdown).toEqual([
      { value: "news.example", clicks: 3, uniqueVisitors: 2 },
      { value: "blog.example", clicks: 1, uniqueVisitors: 1 },
      { value: null, clicks: 1, uniqueVisitors: 1 },
    ]);
    // Visitor 1 clicked both links: one visitor, not one per link.
    const countries = await summary(owner.token, teamId, { by: "COUNTRY" });
    expect(countries.data.clickSummary.breakdown).toEqual(countriesOfTeam);
    const top = await summary(owner.token, teamId, { by: "COUNTRY", first: 1 });
    expect(top.data.clickSummary.breakdown).toEqual([{ value: "DE", clicks: 3, uniqueVisitors: 1 }]);
  });

  it("never shows another workspace's clicks", async () => {
    const personal = await summary(owner.token, undefined, { by: "COUNTRY" });
    expect(personal.data.clickSummary.clicks).toBe(3);
    expect(total(personal.data.clickSummary.series)).toBe(3);
    expect(personal.data.clickSummary.breakdown).toEqual([{ value: "US", clicks: 3, uniqueVisitors: 1 }]);
  });

  it("lets a viewer read, refuses an API key without ANALYTICS_READ and outsiders", async () => {
    const asViewer = await summary(viewer.token, teamId, { by: "COUNTRY" });
    expect(asViewer.errors).toBeUndefined();
    expect(total(asViewer.data.clickSummary.series)).toBe(5);
    expect(asViewer.data.clickSummary.breakdown).toHaveLength(2);

    const linksOnly = await summary(await apiKey(teamId, ["LINKS_READ"]), undefined);
    expect(linksOnly.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", scope: "ANALYTICS_READ" });
    expect(linksOnly.data.clickSummary).toBeNull();
    const analyticsKey = await summary(await apiKey(teamId, ["ANALYTICS_READ"]), undefined, { by: "COUNTRY" });
    expect(analyticsKey.errors).toBeUndefined();
    expect(analyticsKey.data.clickSummary.breakdown).toEqual(countriesOfTeam);

    const outsider = await test.signUp();
    const refused = await summary(outsider.token, teamId);
    expect(refused.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });

  it("refuses first outside 1–50 and unknown time zones with BAD_USER_INPUT and the field", async () => {
    const first = await summary(owner.token, teamId, { first: 51 });
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(total(first.data.clickSummary.series)).toBe(5);
    const zone = await summary(owner.token, teamId, { timezone: "Mars/Olympus" });
    expect(zone.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "timezone" });
    expect(zone.data.clickSummary.series).toBeNull();
    expect(zone.data.clickSummary.breakdown).toHaveLength(3);
  });
});

describe("GET /analytics/summary/series and /breakdown (REST)", () => {
  it("answers the same numbers for the selected workspace, to viewers and analytics keys only", async () => {
    const team = { "X-Workspace-Id": teamId };
    const api = restClient(test.baseUrl, { token: owner.token, headers: team });
    const series = await api.GET("/analytics/summary/series", { params: { query: { from, granularity: "DAY", timezone: "Europe/Paris" } } });
    expect(series.response.status).toBe(200);
    expect(total(series.data!.buckets)).toBe(5);
    const countries = await api.GET("/analytics/summary/breakdown", { params: { query: { from, by: "COUNTRY" } } });
    expect(countries.data).toEqual({ by: "COUNTRY", entries: countriesOfTeam });
    const personal = await restClient(test.baseUrl, { token: owner.token }).GET("/analytics/summary/breakdown", {
      params: { query: { from, by: "REFERRER" } },
    });
    expect(personal.data!.entries).toEqual([{ value: "news.example", clicks: 3, uniqueVisitors: 1 }]);

    const asViewer = await restClient(test.baseUrl, { token: viewer.token, headers: team }).GET("/analytics/summary/breakdown", {
      params: { query: { from, by: "REFERRER" } },
    });
    expect(asViewer.data!.entries.map((entry) => entry.clicks)).toEqual([3, 1, 1]);

    const linksOnly = restClient(test.baseUrl, { token: await apiKey(teamId, ["LINKS_READ"]) });
    const refused = await linksOnly.GET("/analytics/summary/series", { params: { query: { from } } });
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ code: "FORBIDDEN", scope: "ANALYTICS_READ" });

    const badFirst = await api.GET("/analytics/summary/breakdown", { params: { query: { from, by: "OS", first: 0 } } });
    expect(badFirst.response.status).toBe(422);
    expect(badFirst.error).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const badZone = await api.GET("/analytics/summary/series", { params: { query: { from, timezone: "Mars/Olympus" } } });
    expect(badZone.error).toMatchObject({ code: "BAD_USER_INPUT", field: "timezone" });
  });
});
