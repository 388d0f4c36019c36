import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callPersisted, CSRF, persistedOperation } from "../../../tests/helpers/persisted.js";
import { startTestApp, type TestApp } from "../../../tests/helpers/test-app.js";

// Defect 13 of issue 10: Automatic Persisted Queries never registered, so an Apollo client with the
// persisted-queries link paid two round trips on every call.

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * One request exactly as Apollo Client's persisted-queries link sends it over HttpLink: POST JSON with
 * operationName, variables and extensions.persistedQuery, plus `query` only on the retry; Accept as
 * Apollo Client 3.8+ sends it.
 */
async function apolloRequest(test: TestApp, query: string, options: { withQuery: boolean; token?: string; method?: "POST" | "GET" }) {
  const operationName = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? null;
  const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
  const headers: Record<string, string> = {
    accept: "application/graphql-response+json,application/json;q=0.9",
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  };
  let response: Response;
  if (options.method === "GET") {
    const url = new URL(`${test.baseUrl}/graphql`);
    if (operationName) url.searchParams.set("operationName", operationName);
    url.searchParams.set("variables", "{}");
    url.searchParams.set("extensions", JSON.stringify(extensions));
    if (options.withQuery) url.searchParams.set("query", query);
    response = await fetch(url, { headers: { ...headers, ...CSRF } });
  } else {
    response = await fetch(`${test.baseUrl}/graphql`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ operationName, variables: {}, extensions, ...(options.withQuery ? { query } : {}) }),
    });
  }
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  return { status: response.status, ...body };
}

/** What the link does for one operation: hash first, then (only on PERSISTED_QUERY_NOT_FOUND) hash + text. */
async function apolloCall(test: TestApp, query: string, options: { token?: string; method?: "POST" | "GET" } = {}) {
  const first = await apolloRequest(test, query, { ...options, withQuery: false });
  if (first.errors?.[0]?.extensions.code !== "PERSISTED_QUERY_NOT_FOUND") return { roundTrips: 1, result: first };
  return { roundTrips: 2, result: await apolloRequest(test, query, { ...options, withQuery: true }) };
}

describe("Automatic Persisted Queries where arbitrary operations are allowed (development)", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startTestApp({ APQ_MAX_ENTRIES: "3" });
    ({ token } = await test.signUp());
  });
  afterAll(() => test.close());

  it("misses once (PERSISTED_QUERY_NOT_FOUND, 404), registers on the retry, then every call is one round trip", async () => {
    const query = `query ApqMe${randomUUID().replace(/-/g, "")} { me { email } }`;
    const miss = await apolloRequest(test, query, { withQuery: false, token });
    expect(miss.status).toBe(404);
    expect(miss.errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const first = await apolloCall(test, query, { token });
    expect(first.roundTrips).toBe(2);
    expect(first.result.data.me.email).toMatch(/@example\.com$/);
    for (let i = 0; i < 3; i++) {
      const next = await apolloCall(test, query, { token });
      expect(next.roundTrips).toBe(1);
      expect(next.result.data.me.email).toBe(first.result.data.me.email);
    }
    // Over GET (useGETForHashedQueries) too.
    expect((await apolloCall(test, query, { token, method: "GET" })).roundTrips).toBe(1);
  });

  it("refuses a hash that is not the query's", async () => {
    const response = await fetch(`${test.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ me { id } }") } } }),
    });
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "extensions.persistedQuery.sha256Hash" });
    expect((await apolloRequest(test, "{ me { id } }", { withQuery: false })).errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("keeps a bounded number of documents (APQ_MAX_ENTRIES), least recently used out first", async () => {
    const queries = Array.from({ length: 4 }, (_, i) => `query Bounded${i}${randomUUID().replace(/-/g, "")} { __typename }`);
    for (const query of queries) expect((await apolloCall(test, query)).roundTrips).toBe(2);
    expect((await apolloCall(test, queries[3]!)).roundTrips).toBe(1);
    expect((await apolloCall(test, queries[0]!)).roundTrips).toBe(2); // evicted
  });
});

describe("Automatic Persisted Queries and the production safelist", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startTestApp({ PERSISTED_QUERIES_ONLY: "true" });
    const signUp = persistedOperation("web", "WebSignUp");
    const result = await callPersisted(test, signUp.id, { input: { email: `apq-${randomUUID()}@example.com`, password: "correct horse battery" } });
    token = result.data.signUp.accessToken;
  });
  afterAll(() => test.close());

  it("never registers for callers that may only run persisted operations", async () => {
    const query = `query NotAllowed${randomUUID().replace(/-/g, "")} { me { id } }`;
    const call = await apolloCall(test, query, { token });
    expect(call.result.errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_ONLY");
    expect(call.result.status).toBe(403);
    expect((await apolloRequest(test, query, { withQuery: false, token })).errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("registers for an API key with ARBITRARY_OPERATIONS, and what it registered does not pass the safelist for others", async () => {
    const createKey = persistedOperation("dashboard", "DashboardCreateApiKey");
    const key = await callPersisted(test, createKey.id, { input: { name: "developer", scopes: ["LINKS_READ", "ARBITRARY_OPERATIONS"] } }, { token });
    const developer = key.data.createApiKey.secret as string;
    const query = `query DeveloperLinks${randomUUID().replace(/-/g, "")} { links(first: 1) { edges { node { slug } } } }`;
    expect((await apolloCall(test, query, { token: developer })).roundTrips).toBe(2);
    const hit = await apolloCall(test, query, { token: developer });
    expect(hit.roundTrips).toBe(1);
    expect(hit.result.data.links.edges).toEqual([]);
    const other = await apolloRequest(test, query, { withQuery: false, token });
    expect(other.errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});

describe("Automatic Persisted Queries across instances (REDIS_URL)", () => {
  it("a query registered on one instance is a hit on the other; without Redis, each keeps its own copy", async () => {
    const env = { REDIS_URL: "redis://127.0.0.1:6379", REDIS_KEY_PREFIX: `test:${randomUUID()}:` };
    const first = await startTestApp(env);
    const second = await startTestApp(env);
    try {
      const query = `query Shared${randomUUID().replace(/-/g, "")} { __typename }`;
      expect((await apolloCall(first, query)).roundTrips).toBe(2);
      expect((await apolloCall(second, query)).roundTrips).toBe(1);
      const keys = await first.app.services.redis!.keys(`${env.REDIS_KEY_PREFIX}apq:*`);
      expect(keys).toHaveLength(1);
      expect(await first.app.services.redis!.ttl(keys[0]!)).toBeGreaterThan(86_000);

      // Redis gone (disconnected): registrations and hits stay local, and nothing waits on Redis.
      second.app.services.redis!.disconnect();
      const local = `query Local${randomUUID().replace(/-/g, "")} { __typename }`;
      const started = performance.now();
      expect((await apolloCall(second, local)).roundTrips).toBe(2);
      expect((await apolloCall(second, local)).roundTrips).toBe(1);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await first.close();
      await second.close().catch(() => undefined);
    }
  });
});
