import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADERS } from "../src/graphql/gateway/index.js";
import { startTestApp, type TestApp } from "./helpers/test-app.js";

// Defect 12 of issue 10: the GraphQL-over-HTTP spec, checked by graphql-http's own audit suite.

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test.close());

const GRAPHQL_RESPONSE = "application/graphql-response+json";

async function post(body: unknown, accept = GRAPHQL_RESPONSE) {
  const response = await fetch(`${test.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> },
  };
}

describe("graphql-http's server audits", () => {
  const url = () => `${test.baseUrl}/graphql`;
  const run = async (audits: ReturnType<typeof serverAudits>) =>
    Promise.all(audits.map(async (audit) => ({ name: audit.name, result: await audit.fn() })));
  const failures = (results: Awaited<ReturnType<typeof run>>) =>
    results.flatMap(({ name, result }) => (result.status === "ok" ? [] : [{ name, reason: result.reason, status: result.response.status }]));

  it("pass with the CSRF header a real client sends (MUST, SHOULD and MAY alike)", async () => {
    const withCsrf = (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), [CSRF_HEADERS[0]!]: "1" } });
    expect(failures(await run(serverAudits({ url: url(), fetchFn: withCsrf })))).toEqual([]);
  });

  it("without it, only GET audits fail, with the documented 403 (CSRF prevention)", async () => {
    const failed = failures(await run(serverAudits({ url: url() })));
    expect(failed.length).toBeGreaterThan(0);
    for (const failure of failed) {
      expect(failure.status, failure.name).toBe(403);
      expect(failure.name).toMatch(/GET/);
    }
  });
});

describe("with Accept: application/graphql-response+json, a response without data is 4xx", () => {
  it.each([
    ["no query", {}, 400],
    ["an empty query", { query: "" }, 400],
    ["a parse error", { query: "{" }, 400],
    ["a validation error", { query: "{ nope }" }, 400],
    ["an unknown persisted document", { documentId: `sha256:${"0".repeat(64)}` }, 404],
    ["an unknown APQ hash without its query", { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }, 404],
    ["a malformed document id", { documentId: "nope" }, 400],
    ["a query over the complexity limits", { query: `{ me { ${Array.from({ length: 1100 }, () => "id").join(" ")} } }` }, 400],
  ])("%s", async (_name, body, status) => {
    const result = await post(body);
    expect(result.status).toBe(status);
    expect(result.type).toMatch(/^application\/graphql-response\+json/);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors?.[0]?.extensions.code).toMatch(/^(BAD_USER_INPUT|PERSISTED_QUERY_NOT_FOUND|QUERY_TOO_COMPLEX)$/);
  });

  it("a body that is not JSON → 400", async () => {
    expect((await post("{not json")).status).toBe(400);
  });

  it.each([
    ["a JSON array (batching is off)", JSON.stringify([{ query: "{ __typename }" }])],
    ["JSON null", "null"],
    ["a JSON string", JSON.stringify("{ __typename }")],
    ["an empty body", ""],
  ])("%s → 400 without data", async (_name, body) => {
    const result = await post(body);
    expect(result.status).toBe(400);
    expect(result.body.data).toBeUndefined();
  });

  it("a body that arrives in many packets is read whole", async () => {
    const slug = "é".repeat(20_000);
    const result = await post({ query: "query ($slug: String!) { link(slug: $slug) { id } }", variables: { slug } });
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ link: null });
  });

  it("a field error with data stays 200", async () => {
    const result = await post({ query: `{ link(slug: "nope") { id } }` });
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ link: null });
  });

  it("plain application/json keeps the legacy 200 for GraphQL errors (spec: servers SHOULD use 200)", async () => {
    const result = await post({ query: "{ nope }" }, "application/json");
    expect(result.status).toBe(200);
  });
});
