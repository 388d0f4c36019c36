import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callPersisted, persistedOperation } from "../../tests/helpers/persisted.js";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

describe("redirect rate limit (per client IP, apart from the API)", () => {
  let test: TestApp;
  let slug: string;
  beforeAll(async () => {
    test = await startTestApp({ RATE_LIMIT_REDIRECTS_PER_MINUTE: "3", RATE_LIMIT_ANONYMOUS_POINTS: "100", TRUST_PROXY: "1" });
    const { token } = await test.signUp();
    const created = await test.gql(
      `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { slug } } }`,
      { input: { url: "https://example.com/rl" } },
      { token },
    );
    slug = created.data.createLink.link.slug;
  });
  afterAll(() => test.close());

  const visit = (ip: string, accept = "*/*") => fetch(`${test.baseUrl}/${slug}`, { redirect: "manual", headers: { "x-forwarded-for": ip, accept } });

  it("redirects up to the limit, then answers 429 with Retry-After and RateLimit headers", async () => {
    for (let i = 0; i < 3; i++) expect((await visit("198.51.100.10")).status).toBe(302);
    const refused = await visit("198.51.100.10");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20); // one token back every 20 s at 3 a minute
    expect(refused.headers.get("ratelimit-limit")).toBe("3");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toEqual({
      type: "about:blank",
      title: "Too Many Requests",
      status: 429,
      code: "RATE_LIMITED",
      detail: expect.stringMatching(/retry in/),
      retryAfter,
    });
    const page = await visit("198.51.100.10", "text/html");
    expect(page.status).toBe(429);
    expect(await page.text()).toMatch(/Too many requests/);
  });

  it("limits each client on its own", async () => {
    expect((await visit("198.51.100.11")).status).toBe(302);
  });

  it("leaves the GraphQL allowance of the same address alone", async () => {
    const response = await callPersisted(test, persistedOperation("web", "WebMe").id, undefined, { headers: { "x-forwarded-for": "198.51.100.10" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("ratelimit-limit")).toBe("100");
  });
});
