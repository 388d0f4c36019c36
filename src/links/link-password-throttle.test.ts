import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

// Defect 8 of issue 10: link passwords were guessable at 145/s from one address.

const CREATE = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { slug } } }`;
const PASSWORD = "open sesame";

describe("link password guessing is slowed per link and client, never locking the right password out", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startTestApp({ TRUST_PROXY: "1", LINK_PASSWORD_MAX_FAILURES_PER_LINK: "1000" });
    ({ token } = await test.signUp());
  });
  afterAll(() => test.close());

  async function protectedLink() {
    const result = await test.gql(CREATE, { input: { url: "https://example.com/secret", password: PASSWORD } }, { token });
    return result.data.createLink.link.slug as string;
  }
  const guess = (slug: string, ip: string, password: string) =>
    fetch(`${test.baseUrl}/${slug}`, { redirect: "manual", headers: { "x-forwarded-for": ip, "x-link-password": password } });

  it("gives one address 3 free failures, then backs off exponentially (429 + Retry-After, unchecked)", async () => {
    const slug = await protectedLink();
    const statuses: number[] = [];
    const started = Date.now();
    let checked = 0;
    // Hammer for 3 seconds from one address, as fast as answers come.
    while (Date.now() - started < 3_000) {
      const response = await guess(slug, "203.0.113.5", `guess-${statuses.length}`);
      statuses.push(response.status);
      if (response.status === 401) checked++;
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(await response.json()).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
      } else await response.arrayBuffer();
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses[4]).toBe(429);
    // 3 free + waits of 1 s and 2 s: at most ~6 passwords checked in 3 s (it was ~435).
    expect(checked).toBeLessThanOrEqual(6);
    // While that address waits, even the right password from it is not checked...
    expect((await guess(slug, "203.0.113.5", PASSWORD)).status).toBe(429);
    // ...but the owner anywhere else gets through at once.
    const owner = await guess(slug, "198.51.100.9", PASSWORD);
    expect(owner.status).toBe(302);
    expect(owner.headers.get("location")).toBe("https://example.com/secret");
  });

  it("the right password forgives an address's earlier failures", async () => {
    const slug = await protectedLink();
    for (let i = 0; i < 3; i++) expect((await guess(slug, "203.0.113.6", "typo")).status).toBe(401);
    expect((await guess(slug, "203.0.113.6", PASSWORD)).status).toBe(302);
    for (let i = 0; i < 3; i++) expect((await guess(slug, "203.0.113.6", "typo")).status).toBe(401);
  });

  it("browsers see the form again with the wait, as HTML", async () => {
    const slug = await protectedLink();
    const post = (password: string) =>
      fetch(`${test.baseUrl}/${slug}`, {
        method: "POST",
        redirect: "manual",
        headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.7" },
        body: new URLSearchParams({ password }).toString(),
      });
    for (let i = 0; i < 4; i++) expect((await post("nope")).status).toBe(401);
    const throttled = await post("nope");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBeTruthy();
    const page = await throttled.text();
    expect(page).toContain('<form method="post"');
    expect(page).toMatch(/try again in \d+ s/);
  });
});

describe("a guess spread over many addresses", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startTestApp({ TRUST_PROXY: "1", LINK_PASSWORD_MAX_FAILURES_PER_LINK: "5" });
    ({ token } = await test.signUp());
  });
  afterAll(() => test.close());

  it("past the per-link ceiling every address waits after one failure, yet a new address's right password still works", async () => {
    const result = await test.gql(CREATE, { input: { url: "https://example.com/spread", password: PASSWORD } }, { token });
    const slug = result.data.createLink.link.slug as string;
    const guess = (ip: string, password: string) =>
      fetch(`${test.baseUrl}/${slug}`, { redirect: "manual", headers: { "x-forwarded-for": ip, "x-link-password": password } });
    for (let bot = 1; bot <= 6; bot++) expect((await guess(`203.0.113.${bot}`, "guess")).status).toBe(401);
    // A fresh address: one checked guess, then it waits.
    expect((await guess("203.0.113.50", "guess")).status).toBe(401);
    expect((await guess("203.0.113.50", "guess")).status).toBe(429);
    // Someone who knows the password, from an address never seen: through at the first try.
    expect((await guess("198.51.100.77", PASSWORD)).status).toBe(302);
  });
});
