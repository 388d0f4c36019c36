import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

let test: TestApp;
let token: string;

const CREATE = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug url } } }`;
const UPDATE = `mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { link { id slug url } } }`;
const DELETE = `mutation ($input: DeleteLinkInput!) { deleteLink(input: $input) { deletedId } }`;

async function create(input: Record<string, unknown>) {
  const result = await test.gql(CREATE, { input: { url: "https://example.com/landing", ...input } }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.createLink.link as { id: string; slug: string; url: string };
}

// A browser's user agent: bots (curl, node's fetch…) are not counted as clicks.
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const visit = (slug: string, init: RequestInit = {}) =>
  fetch(`${test.baseUrl}/${slug}`, { redirect: "manual", ...init, headers: { "user-agent": BROWSER, ...(init.headers as Record<string, string>) } });

beforeAll(async () => {
  test = await startTestApp();
  ({ token } = await test.signUp());
});
afterAll(() => test.close());

describe("GET /:slug", () => {
  it("answers 302 to the destination with cache and referrer headers", async () => {
    const link = await create({});
    const response = await visit(link.slug);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://example.com/landing");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it.each([
    ["MOVED_PERMANENTLY", 301],
    ["TEMPORARY_REDIRECT", 307],
    ["PERMANENT_REDIRECT", 308],
    ["FOUND", 302],
  ])("answers %s with %i", async (redirectType, status) => {
    const link = await create({ redirectType });
    expect((await visit(link.slug)).status).toBe(status);
  });

  it("answers HEAD like GET without a body", async () => {
    const link = await create({});
    const response = await visit(link.slug, { method: "HEAD" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://example.com/landing");
  });

  it("answers 404 for an unknown slug, as JSON or HTML by Accept", async () => {
    const json = await visit("no-such-link-here");
    expect(json.status).toBe(404);
    expect(json.headers.get("content-type")).toBe("application/problem+json");
    expect(await json.json()).toEqual({
      type: "about:blank",
      title: "Not Found",
      status: 404,
      code: "NOT_FOUND",
      detail: "This short link does not exist.",
    });
    const html = await visit("no-such-link-here", { headers: { accept: "text/html" } });
    expect(html.status).toBe(404);
    expect(html.headers.get("content-type")).toContain("text/html");
  });

  it("never treats reserved paths as slugs", async () => {
    expect((await fetch(`${test.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${test.baseUrl}/readyz`)).status).toBe(200);
    const reserved = await test.gql(CREATE, { input: { url: "https://example.com", slug: "Dashboard" } }, { token });
    expect(reserved.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "slug" });
  });

  it("answers 410 once expired, or 302 to the fallback when one is set", async () => {
    const link = await create({ expiresAt: new Date(Date.now() + 1500).toISOString() });
    const withFallback = await create({ expiresAt: new Date(Date.now() + 1500).toISOString(), fallbackUrl: "https://example.com/expired" });
    expect((await visit(link.slug)).status).toBe(302);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const gone = await visit(link.slug);
    expect(gone.status).toBe(410);
    expect((await gone.json()).code).toBe("GONE");
    const fallback = await visit(withFallback.slug);
    expect(fallback.status).toBe(302);
    expect(fallback.headers.get("location")).toBe("https://example.com/expired");
  });

  it("answers 410 for an archived link and redirects again once unarchived", async () => {
    const link = await create({});
    await visit(link.slug); // cached now: archiving must invalidate it
    await test.gql(UPDATE, { input: { id: link.id, archived: true } }, { token });
    expect((await visit(link.slug)).status).toBe(410);
    await test.gql(UPDATE, { input: { id: link.id, archived: false } }, { token });
    expect((await visit(link.slug)).status).toBe(302);
  });

  it("stops after maxClicks redirects", async () => {
    const link = await create({ maxClicks: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await visit(link.slug)).status);
    expect(statuses).toEqual([302, 302, 302, 410, 410]);
  });

  it("serves the new destination at once after an update, and 404 after a delete", async () => {
    const link = await create({ url: "https://example.com/old" });
    expect((await visit(link.slug)).headers.get("location")).toBe("https://example.com/old");
    await test.gql(UPDATE, { input: { id: link.id, url: "https://example.com/new" } }, { token });
    expect((await visit(link.slug)).headers.get("location")).toBe("https://example.com/new");

    await test.gql(UPDATE, { input: { id: link.id, slug: `${link.slug}-moved` } }, { token });
    expect((await visit(link.slug)).status).toBe(404);
    expect((await visit(`${link.slug}-moved`)).status).toBe(302);

    await test.gql(DELETE, { input: { id: link.id } }, { token });
    expect((await visit(`${link.slug}-moved`)).status).toBe(404);
  });

  it("serves a slug created right after it was looked up as unknown", async () => {
    expect((await visit("soon-to-exist")).status).toBe(404);
    await create({ slug: "soon-to-exist" });
    expect((await visit("soon-to-exist")).status).toBe(302);
  });

  it("counts each redirect in the stored click count without waiting for it", async () => {
    const link = await create({});
    for (let i = 0; i < 4; i++) await visit(link.slug);
    await visit(link.slug, { method: "HEAD" }); // not a click
    await test.app.services.clickPipeline.flush();
    const stored = await test.app.services.db.link.findFirstOrThrow({ where: { slug: link.slug } });
    expect(stored.clickCount).toBe(4);
  });
});

describe("password-protected links", () => {
  it("asks API clients for the password header and redirects with the right one", async () => {
    const link = await create({ password: "open sesame" });
    const missing = await visit(link.slug);
    expect(missing.status).toBe(401);
    expect((await missing.json()).code).toBe("PASSWORD_REQUIRED");
    const wrong = await visit(link.slug, { headers: { "x-link-password": "nope" } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).code).toBe("INVALID_PASSWORD");
    const right = await visit(link.slug, { headers: { "x-link-password": "open sesame" } });
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe("https://example.com/landing");
  });

  it("shows browsers a form and redirects with 303 after a correct POST", async () => {
    const link = await create({ password: "open sesame" });
    const page = await visit(link.slug, { headers: { accept: "text/html" } });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('<form method="post"');
    const post = (password: string) =>
      visit(link.slug, {
        method: "POST",
        headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ password }).toString(),
      });
    const wrong = await post("nope");
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("not correct");
    const right = await post("open sesame");
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("https://example.com/landing");
  });
});
