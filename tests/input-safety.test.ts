import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./helpers/test-app.js";

// Defects 4, 5 and 6 of issue 10: control characters in text inputs, internals in error
// responses, and destinations that loop back to the service.

const CREATE_LINK = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug url } } }`;
const UPDATE_LINK = `mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { link { id title } } }`;

describe("text inputs never reach the database with control characters (BAD_USER_INPUT naming the field)", () => {
  let test: TestApp;
  let token: string;
  let linkId: string;
  beforeAll(async () => {
    test = await startTestApp();
    ({ token } = await test.signUp());
    const created = await test.gql(CREATE_LINK, { input: { url: "https://example.com/nul" } }, { token });
    linkId = created.data.createLink.link.id;
  });
  afterAll(() => test.close());

  const cases: Array<[string, string, () => Record<string, unknown>, string]> = [
    ["link(slug)", `query ($slug: String!) { link(slug: $slug) { id } }`, () => ({ slug: "a\u0000b" }), "slug"],
    ["createLink title", CREATE_LINK, () => ({ input: { url: "https://example.com/", title: "a\u0000b" } }), "title"],
    ["createLink tags", CREATE_LINK, () => ({ input: { url: "https://example.com/", tags: ["ok", "a\u0000b"] } }), "tags[1]"],
    [
      "links filter search",
      `query ($f: LinkFilter) { links(filter: $f) { edges { node { id } } } }`,
      () => ({ f: { search: "a\u0000b" } }),
      "filter.search",
    ],
    [
      "links filter tags",
      `query ($f: LinkFilter) { links(filter: $f) { edges { node { id } } } }`,
      () => ({ f: { tags: ["a\u0000b"] } }),
      "filter.tags[0]",
    ],
    ["updateLink title", UPDATE_LINK, () => ({ input: { id: linkId, title: "a\u0000b" } }), "title"],
    [
      "webhook description",
      `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`,
      () => ({ input: { url: "https://hooks.example.com/x", events: ["LINK_CREATED"], description: "a\u0000b" } }),
      "description",
    ],
    [
      "API-key name",
      `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
      () => ({ input: { name: "a\u0000b", scopes: ["LINKS_READ"] } }),
      "name",
    ],
  ];

  it.each(cases)("%s with a NUL byte answers BAD_USER_INPUT, not a 500", async (_name, query, variables, field) => {
    const result = await test.gql(query, variables(), { token });
    expect(result.errors?.[0]?.extensions, JSON.stringify(result.errors)).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("refuses other control characters and lone surrogates too, but keeps line breaks in multi-line text", async () => {
    for (const title of ["bell\u0007", "esc\u001b[31m", "line\nbreak", "lone \ud800 surrogate"]) {
      const result = await test.gql(UPDATE_LINK, { input: { id: linkId, title } }, { token });
      expect(result.errors?.[0]?.extensions, title).toMatchObject({ code: "BAD_USER_INPUT", field: "title" });
    }
    const ok = await test.gql(
      `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { description } } }`,
      { input: { url: "https://hooks.example.com/y", events: ["LINK_CREATED"], description: "first line\nsecond\tline ✓" } },
      { token },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.createWebhook.webhook.description).toBe("first line\nsecond\tline ✓");
  });

  it("a NUL byte that slips past validation still answers BAD_USER_INPUT (the error model's guard)", async () => {
    // Every text input validates; the guard is what PostgreSQL's own refusal becomes if one ever does not.
    const refusal = await test.app.services.db.link.findFirst({ where: { title: "a\u0000b" } }).catch((error: unknown) => error);
    const { maskUnexpectedError } = await import("../src/graphql/mask-error.js");
    const masked = maskUnexpectedError(refusal, "Unexpected error.", test.app.services.log) as unknown as { extensions: Record<string, unknown> };
    expect(masked.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input" });
  });
});

describe("unexpected errors are masked in every mode (NODE_ENV=development too)", () => {
  let test: TestApp;
  const nodeEnv = process.env.NODE_ENV;
  beforeAll(async () => {
    // As `npm run dev` runs: libraries read process.env.NODE_ENV, not our config.
    process.env.NODE_ENV = "development";
    // An embedded database of its own: the fault below breaks its schema.
    test = await startTestApp({ NODE_ENV: "development", DATABASE_URL: undefined, DATA_DIR: "memory://" });
  });
  afterAll(async () => {
    await test.close();
    process.env.NODE_ENV = nodeEnv;
  });

  it("answers INTERNAL_SERVER_ERROR with no message, stack or originalError from the database", async () => {
    const { token } = await test.signUp();
    await test.app.services.db.$executeRawUnsafe(`ALTER TABLE "ApiKey" RENAME TO "ApiKeyGone"`);
    const response = await fetch(`${test.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ apiKeys(first: 5) { edges { node { id } } } }` }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions.code).toBe("INTERNAL_SERVER_ERROR");
    expect(body.errors[0]!.message).toBe("Unexpected error.");
    expect(body.errors[0]!.extensions.originalError).toBeUndefined();
    expect(text).not.toMatch(/ApiKey"|prisma|stack|\.ts:\d+|at async/i);
  });
});

describe("destinations that would loop back to the service are refused (field url)", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startTestApp({ PUBLIC_BASE_URL: "http://localhost:4100" });
    ({ token } = await test.signUp());
  });
  afterAll(() => test.close());

  it.each([
    "http://localhost.:4100/x",
    "http://LOCALHOST:4100/x",
    "http://localhost/x",
    "https://localhost:443/x",
    "http://app.localhost/x",
    "http://127.0.0.1:4100/x",
    "http://127.1:4100/x",
    "http://2130706433/x",
    "http://0x7f.0.0.1/x",
    "http://0177.0.0.1/x",
    "http://[::1]:4100/x",
    "http://[::ffff:127.0.0.1]/x",
    "http://[0:0:0:0:0:0:0:1]/x",
    "http://0.0.0.0:4100/x",
    "http://[::]/x",
  ])("refuses %s", async (url) => {
    const result = await test.gql(CREATE_LINK, { input: { url } }, { token });
    expect(result.errors?.[0]?.extensions, JSON.stringify(result.errors)).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
  });

  it("refuses the public short domain spelled with a trailing dot, upper case or IDN, on any port", async () => {
    const idn = await startTestApp({ PUBLIC_BASE_URL: "https://bücher.example" });
    try {
      const { token: t } = await idn.signUp();
      for (const url of ["https://xn--bcher-kva.example/x", "https://BÜCHER.example./x", "http://bücher.example:8080/x"]) {
        const result = await idn.gql(CREATE_LINK, { input: { url } }, { token: t });
        expect(result.errors?.[0]?.extensions, url).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
      }
      const elsewhere = await idn.gql(CREATE_LINK, { input: { url: "https://books.example/x" } }, { token: t });
      expect(elsewhere.errors).toBeUndefined();
    } finally {
      await idn.close();
    }
  });

  it("still accepts ordinary destinations, including private-network ones", async () => {
    for (const url of ["https://example.com/a", "http://10.0.0.5/intranet", "https://localhost.example.com/"]) {
      const result = await test.gql(CREATE_LINK, { input: { url } }, { token });
      expect(result.errors, url).toBeUndefined();
    }
  });

  it("refuses the same on updateLink and fallbackUrl", async () => {
    const created = await test.gql(CREATE_LINK, { input: { url: "https://example.com/b" } }, { token });
    const id = created.data.createLink.link.id;
    const update = await test.gql(UPDATE_LINK, { input: { id, url: "http://[::1]:4100/x" } }, { token });
    expect(update.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
    const fallback = await test.gql(CREATE_LINK, { input: { url: "https://example.com/c", fallbackUrl: "http://localhost.:4100/" } }, { token });
    expect(fallback.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "fallbackUrl" });
  });
});
