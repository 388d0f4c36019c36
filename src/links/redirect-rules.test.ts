import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";
import { parseInput } from "../platform/validation.js";
import { createLinkSchema } from "./link-input.js";

let test: TestApp;
let token: string;

const LINK_FIELDS = `id slug url rules { id name url conditions { devices os languages countries from until query { name value } } variants { id url weight } }
  deepLinks { ios android } preview { title description imageUrl }`;
const CREATE = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { ${LINK_FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { link { ${LINK_FIELDS} } } }`;

const DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
const SLACKBOT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

async function create(input: Record<string, unknown>) {
  const result = await test.gql(CREATE, { input: { url: "https://example.com/home", ...input } }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.createLink.link;
}

const createError = async (input: Record<string, unknown>) =>
  (await test.gql(CREATE, { input: { url: "https://example.com/home", ...input } }, { token })).errors?.[0];

/** Where the link sends this request (null: no redirect). */
async function follow(slug: string, headers: Record<string, string> = {}, query = "") {
  const response = await fetch(`${test.baseUrl}/${slug}${query}`, { redirect: "manual", headers: { "user-agent": DESKTOP, ...headers } });
  return response.headers.get("location");
}

async function analytics(slug: string, by: string) {
  await test.app.services.clickPipeline.flush();
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const result = await test.gql(
    `query ($slug: String!, $from: DateTime!, $by: ClickDimension!) { link(slug: $slug) { clickCount clickStats(from: $from) { clicks botClicks }
       clickBreakdown(by: $by, from: $from, first: 10) { value clicks } } }`,
    { slug, from, by },
    { token },
  );
  expect(result.errors).toBeUndefined();
  return result.data.link as {
    clickCount: number;
    clickStats: { clicks: number; botClicks: number };
    clickBreakdown: Array<{ value: string | null; clicks: number }>;
  };
}

beforeAll(async () => {
  // TRUST_PROXY=1: X-Forwarded-For names the visitor, so one test client can be 400 visitors.
  test = await startTestApp({ CLICK_COUNTRY_HEADER: "cf-ipcountry", TRUST_PROXY: "1" });
  ({ token } = await test.signUp());
});
afterAll(() => test.close());

describe("redirect rules", () => {
  it("sends a German browser to /de and everyone else to the link's URL", async () => {
    const link = await create({ rules: [{ conditions: { languages: ["de"] }, url: "https://example.com/de" }] });
    expect(link.rules).toEqual([
      expect.objectContaining({ url: "https://example.com/de", conditions: expect.objectContaining({ languages: ["de"] }), variants: null }),
    ]);
    expect(await follow(link.slug, { "accept-language": "de-DE,de;q=0.9,en;q=0.8" })).toBe("https://example.com/de");
    expect(await follow(link.slug, { "accept-language": "fr;q=0.5, de-AT;q=0.9" })).toBe("https://example.com/de");
    // German is accepted but not preferred: the visitor's first choice decides.
    expect(await follow(link.slug, { "accept-language": "en-US,en;q=0.9,de;q=0.8" })).toBe("https://example.com/home");
    expect(await follow(link.slug)).toBe("https://example.com/home");
  });

  it("lets the first matching rule decide: country, device, query parameter and time window", async () => {
    const link = await create({
      rules: [
        { id: "later", conditions: { from: new Date(Date.now() + 86_400_000).toISOString() }, url: "https://example.com/tomorrow" },
        { id: "campaign", conditions: { query: [{ name: "utm_source", value: "mail" }] }, url: "https://example.com/mail" },
        { id: "swiss", conditions: { countries: ["ch"] }, url: "https://example.com/ch" },
        { id: "phones", conditions: { devices: ["MOBILE"] }, url: "https://example.com/mobile" },
      ],
    });
    expect(link.rules.map((rule: { id: string }) => rule.id)).toEqual(["later", "campaign", "swiss", "phones"]);
    expect(link.rules[2].conditions.countries).toEqual(["CH"]);
    expect(await follow(link.slug)).toBe("https://example.com/home");
    expect(await follow(link.slug, { "cf-ipcountry": "CH", "user-agent": IPHONE })).toBe("https://example.com/ch");
    expect(await follow(link.slug, { "user-agent": IPHONE })).toBe("https://example.com/mobile");
    expect(await follow(link.slug, { "cf-ipcountry": "CH" }, "?utm_source=mail")).toBe("https://example.com/mail");
    expect(await follow(link.slug, {}, "?utm_source=ads")).toBe("https://example.com/home");
  });

  it("splits visitors 50/50, each visitor keeping their variant", async () => {
    const link = await create({
      rules: [
        {
          id: "launch",
          variants: [
            { url: "https://example.com/a", weight: 50 },
            { url: "https://example.com/b", weight: 50 },
          ],
        },
      ],
    });
    expect(link.rules[0].variants).toEqual([
      { id: "A", url: "https://example.com/a", weight: 50 },
      { id: "B", url: "https://example.com/b", weight: 50 },
    ]);
    const served = { "https://example.com/a": 0, "https://example.com/b": 0 } as Record<string, number>;
    for (let visitor = 0; visitor < 400; visitor++) {
      const headers = { "x-forwarded-for": `198.51.${visitor >> 8}.${visitor & 255}` };
      const first = await follow(link.slug, headers);
      expect(await follow(link.slug, headers)).toBe(first); // sticky
      served[first!]!++;
    }
    // Binomial(400, 0.5): 200 ± 10 (one standard deviation); 150–250 is five of them.
    expect(served["https://example.com/a"]).toBeGreaterThan(150);
    expect(served["https://example.com/b"]).toBeGreaterThan(150);
    expect(served["https://example.com/a"]! + served["https://example.com/b"]!).toBe(400);

    const byVariant = await analytics(link.slug, "VARIANT");
    expect(byVariant.clickCount).toBe(800);
    expect(Object.fromEntries(byVariant.clickBreakdown.map(({ value, clicks }) => [value, clicks]))).toEqual({
      A: served["https://example.com/a"]! * 2,
      B: served["https://example.com/b"]! * 2,
    });
  });

  it("breaks clicks down by the rule that served them", async () => {
    const link = await create({
      rules: [
        { id: "german", conditions: { languages: ["de"] }, url: "https://example.com/de" },
        {
          id: "ab",
          conditions: { devices: ["MOBILE"] },
          variants: [
            { id: "red", url: "https://example.com/red", weight: 30 },
            { id: "blue", url: "https://example.com/blue", weight: 70 },
          ],
        },
      ],
    });
    for (let i = 0; i < 3; i++) await follow(link.slug, { "accept-language": "de", "x-forwarded-for": `192.0.2.${i}` });
    for (let i = 0; i < 5; i++) await follow(link.slug, { "user-agent": ANDROID, "x-forwarded-for": `192.0.2.${10 + i}` });
    for (let i = 0; i < 2; i++) await follow(link.slug, { "x-forwarded-for": `192.0.2.${20 + i}` });

    const byRule = await analytics(link.slug, "RULE");
    expect(byRule.clickBreakdown).toEqual([
      { value: "ab", clicks: 5 },
      { value: "german", clicks: 3 },
      { value: null, clicks: 2 },
    ]);
    const byVariant = await analytics(link.slug, "VARIANT");
    const variants = Object.fromEntries(byVariant.clickBreakdown.map(({ value, clicks }) => [value ?? "none", clicks]));
    expect((variants.red ?? 0) + (variants.blue ?? 0)).toBe(5);
    expect(variants.none).toBe(5);
  });

  it("takes effect at once when updated, and is removed with null", async () => {
    const link = await create({});
    expect(await follow(link.slug, { "accept-language": "de" })).toBe("https://example.com/home");
    const updated = await test.gql(
      UPDATE,
      { input: { id: link.id, rules: [{ conditions: { languages: ["de"] }, url: "https://example.com/de" }] } },
      { token },
    );
    expect(updated.errors).toBeUndefined();
    expect(await follow(link.slug, { "accept-language": "de" })).toBe("https://example.com/de");
    const cleared = await test.gql(UPDATE, { input: { id: link.id, rules: null } }, { token });
    expect(cleared.data.updateLink.link.rules).toEqual([]);
    expect(await follow(link.slug, { "accept-language": "de" })).toBe("https://example.com/home");
  });

  it("refuses bad rules with BAD_USER_INPUT naming the rule and field", async () => {
    const split = (weights: number[], url = "https://example.com/x") => ({ variants: weights.map((weight) => ({ url, weight })) });
    const cases: Array<[unknown, string, RegExp]> = [
      [[{ url: "https://example.com/x" }, split([50, 40])], "rules[1].variants", /add up to 100 \(they add up to 90\)/],
      [
        [
          { url: "https://example.com/x" },
          { url: "https://example.com/y" },
          {
            variants: [
              { url: "https://example.com/a", weight: 50 },
              { url: "ftp://example.com/b", weight: 50 },
            ],
          },
        ],
        "rules[2].variants[1].url",
        /http or https/,
      ],
      [[{ url: "javascript:alert(1)" }], "rules[0].url", /absolute URL|http or https/],
      [[split([50])], "rules[0].variants", /2 to 4 variants/],
      [[split([100, 0])], "rules[0].variants[0].weight", /between 1 and 99/],
      [[split([20, 20, 20, 20, 20])], "rules[0].variants", /2 to 4 variants/],
      [[{ url: "https://example.com/x", ...split([50, 50]) }], "rules[0].url", /either url/],
      [[{}], "rules[0].url", /either url/],
      [[{ conditions: { languages: ["not a language"] }, url: "https://example.com/x" }], "rules[0].conditions.languages[0]", /language tag/],
      [[{ conditions: { countries: ["Germany"] }, url: "https://example.com/x" }], "rules[0].conditions.countries[0]", /alpha-2/],
      [
        [{ conditions: { from: "2030-01-02T00:00:00Z", until: "2030-01-01T00:00:00Z" }, url: "https://example.com/x" }],
        "rules[0].conditions.until",
        /after from/,
      ],
      [
        [
          { id: "same", url: "https://example.com/x" },
          { id: "same", url: "https://example.com/y" },
        ],
        "rules[1].id",
        /already the id of rules\[0\]/,
      ],
      [[split([50, 50]), split([50, 50])], "rules[1].variants[0].id", /unique within a link/],
      [[{ url: "https://lg.test/loop" }], "rules[0].url", /this short-link service/],
    ];
    for (const [rules, field, message] of cases) {
      const error = await createError({ rules });
      expect(error?.extensions, JSON.stringify(rules)).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(error?.message).toMatch(message);
    }
  });
});

describe("rule input as JSON (the REST API's shape)", () => {
  const parse = (rules: unknown, countryHeader?: string) =>
    parseInput(createLinkSchema(["lg.test"], { countryHeader }), { url: "https://example.com", rules });

  it("names an unknown field", () => {
    const variants = [
      { url: "https://example.com/a", weight: 50 },
      { url: "https://example.com/b", weight: 50, colour: "red" },
    ];
    expect(() => parse([{ url: "https://example.com/x" }, { variants }])).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "rules[1].variants[1].colour" } }),
    );
    expect(() => parse([{ url: "https://example.com/x", when: {} }])).toThrow(
      expect.objectContaining({ message: "rules[0].when: is not a known field" }),
    );
  });

  it("refuses country conditions when the server has no trusted country header", () => {
    const rules = [{ conditions: { countries: ["DE"] }, url: "https://example.com/de" }];
    expect(() => parse(rules)).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "rules[0].conditions.countries" } }));
    expect(parse(rules, "cf-ipcountry").rules?.[0]?.conditions).toEqual({ countries: ["DE"] });
  });
});

describe("deep links", () => {
  it("sends iPhones and Android phones to their app target, others to the web URL; rules come first", async () => {
    const link = await create({
      deepLinks: { ios: "https://apps.apple.com/app/id1234567890", android: "myapp://open/item/42" },
      rules: [{ conditions: { languages: ["fr"] }, url: "https://example.com/fr" }],
    });
    expect(link.deepLinks).toEqual({ ios: "https://apps.apple.com/app/id1234567890", android: "myapp://open/item/42" });
    expect(await follow(link.slug, { "user-agent": IPHONE })).toBe("https://apps.apple.com/app/id1234567890");
    expect(await follow(link.slug, { "user-agent": ANDROID })).toBe("myapp://open/item/42");
    expect(await follow(link.slug)).toBe("https://example.com/home");
    expect(await follow(link.slug, { "user-agent": IPHONE, "accept-language": "fr-FR" })).toBe("https://example.com/fr");
  });

  it("refuses script and data schemes", async () => {
    for (const ios of ["javascript:alert(1)", "data:text/html,hi", "not a url"]) {
      const error = await createError({ deepLinks: { ios } });
      expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "deepLinks.ios" });
    }
  });
});

describe("social previews", () => {
  it("shows crawlers an escaped Open Graph page without counting a click; people and curl get the redirect", async () => {
    const link = await create({
      preview: {
        title: `Launch <script>alert("x")</script>`,
        description: 'Tom & Jerry\'s "big" day',
        imageUrl: "https://cdn.example.com/card.png?a=1&b=2",
      },
    });
    expect(link.preview.title).toBe(`Launch <script>alert("x")</script>`);
    const crawler = await fetch(`${test.baseUrl}/${link.slug}`, { redirect: "manual", headers: { "user-agent": SLACKBOT } });
    expect(crawler.status).toBe(200);
    expect(crawler.headers.get("content-type")).toContain("text/html");
    const html = await crawler.text();
    expect(html).toContain(`<meta property="og:title" content="Launch &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">`);
    expect(html).toContain(`<meta property="og:description" content="Tom &amp; Jerry&#39;s &quot;big&quot; day">`);
    expect(html).toContain(`<meta property="og:image" content="https://cdn.example.com/card.png?a=1&amp;b=2">`);
    expect(html).toContain(`<meta name="twitter:card" content="summary_large_image">`);
    expect(html).toContain(`<meta property="og:url" content="https://lg.test/${link.slug}">`);
    expect(html).not.toContain("<script>");
    for (const bot of ["facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Twitterbot/1.0", "WhatsApp/2.23.20.0"]) {
      expect((await fetch(`${test.baseUrl}/${link.slug}`, { redirect: "manual", headers: { "user-agent": bot } })).status).toBe(200);
    }
    expect((await analytics(link.slug, "DEVICE")).clickStats).toEqual({ clicks: 0, botClicks: 0 });

    expect(await follow(link.slug)).toBe("https://example.com/home");
    expect((await fetch(`${test.baseUrl}/${link.slug}`, { redirect: "manual", headers: { "user-agent": "curl/8.5.0" } })).status).toBe(302);
    const after = await analytics(link.slug, "DEVICE");
    expect(after.clickStats).toEqual({ clicks: 1, botClicks: 1 });
  });

  it("gives crawlers the plain redirect when the link has no preview", async () => {
    const link = await create({});
    const response = await fetch(`${test.baseUrl}/${link.slug}`, { redirect: "manual", headers: { "user-agent": SLACKBOT } });
    expect(response.status).toBe(302);
  });
});
