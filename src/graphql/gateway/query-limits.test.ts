import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callPersisted, persistedOperation } from "../../../tests/helpers/persisted.js";
import { startTestApp, testDatabase, type TestApp } from "../../../tests/helpers/test-app.js";
import { overSse, overWebSocket } from "../../../tests/helpers/transports.js";

describe("query limits: hostile operations are refused before anything runs", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startTestApp();
    ({ token } = await test.signUp());
  });
  afterAll(() => test.close());

  /** Sends an operation as a signed-in user and asserts it was refused with `code` without any SQL. */
  async function refused(query: string, code: string, variables?: Record<string, unknown>) {
    const { result, count, statements } = await test.countStatements(() => test.gql(query, variables, { token }));
    expect(result.errors?.[0]?.extensions.code, JSON.stringify(result.errors)).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(count, statements.join("\n")).toBe(0);
    return result.errors![0]!;
  }

  it("refuses a depth bomb with QUERY_TOO_COMPLEX (GRAPHQL_MAX_DEPTH, default 10)", async () => {
    // Our deepest client operation (workspace → members → edges → node → user) is 5 deep.
    expect((await test.gql(`{ workspace { members { edges { node { user { id } } } } } }`, undefined, { token })).errors).toBeUndefined();
    const bomb = `{ webhooks { edges { node { deliveries { edges { node { webhook { deliveries { edges { node { webhook { id } } } } } } } } } } } }`;
    const error = await refused(bomb, "QUERY_TOO_COMPLEX");
    expect(error.message).toMatch(/depth of 10/);
    expect(error.extensions.limit).toBe("depth");
  });

  it("refuses an alias bomb with QUERY_TOO_COMPLEX (GRAPHQL_MAX_ALIASES, default 10)", async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: me { id }`).join(" ");
    const error = await refused(`{ ${aliases} }`, "QUERY_TOO_COMPLEX");
    expect(error.message).toMatch(/Aliases limit of 10 exceeded/);
    expect(error.message).not.toMatch(/^Syntax Error/);
    const ten = Array.from({ length: 10 }, (_, i) => `a${i}: me { id }`).join(" ");
    expect((await test.gql(`{ ${ten} }`, undefined, { token })).errors).toBeUndefined();
  });

  it("refuses a directive flood with QUERY_TOO_COMPLEX (GRAPHQL_MAX_DIRECTIVES, default 10)", async () => {
    const flood = Array.from({ length: 11 }, () => `id @include(if: true)`).join(" ");
    const error = await refused(`{ me { ${flood} } }`, "QUERY_TOO_COMPLEX");
    expect(error.message).toMatch(/Directives limit of 10 exceeded/);
  });

  it("refuses a token flood with QUERY_TOO_COMPLEX while parsing (GRAPHQL_MAX_TOKENS, default 1000)", async () => {
    const flood = Array.from({ length: 1_100 }, () => "id").join(" ");
    const error = await refused(`{ me { ${flood} } }`, "QUERY_TOO_COMPLEX");
    expect(error.message).toMatch(/Token limit of 1000 exceeded/);
    expect(error.message).not.toMatch(/^Syntax Error/);
    expect(error.extensions.limit).toBe("tokens");
  });

  it("refuses an expensive query with QUERY_TOO_COMPLEX saying its cost and the limit (GRAPHQL_MAX_COST)", async () => {
    // 100 webhooks × 100 deliveries × their attempts: 30,000+ objects.
    const nested = `{ webhooks(first: 100) { edges { node { deliveries(first: 100) { edges { node { attemptLog { number } } } } } } } }`;
    const error = await refused(nested, "QUERY_TOO_COMPLEX");
    expect(error.extensions).toMatchObject({ limit: "cost", cost: 30_301, max: 5_000 });
    expect(error.message).toMatch(/costs 30301 points, more than the limit of 5000/);
    // The same through variables: the cost is computed with them, before anything runs.
    const withVariables = `query ($n: Int) { webhooks(first: $n) { edges { node { deliveries(first: $n) { edges { node { id } } } } } } }`;
    expect((await refused(withVariables, "QUERY_TOO_COMPLEX", { n: 100 })).extensions).toMatchObject({ limit: "cost", cost: 20_301 });
  });

  it("lets ordinary nested reads through (armor's cost refused this one at 5,581)", async () => {
    const ordinary = `{ webhooks(first: 5) { edges { node { deliveries(first: 5) { edges { node { attemptLog { number responseStatus } } } } } } } }`;
    const result = await test.gql(ordinary, undefined, { token });
    expect(result.errors).toBeUndefined();
    const page = `links(first: 100) { edges { node { id slug url title tags owner { id email role createdAt } } } }`;
    expect((await test.gql(`{ a: ${page} b: ${page} c: ${page} }`, undefined, { token })).errors).toBeUndefined();
  });

  it("refuses a page larger than GRAPHQL_MAX_PAGE_SIZE with BAD_USER_INPUT, inline or from variables", async () => {
    const inline = await refused(`{ links(first: 101) { edges { node { id } } } }`, "BAD_USER_INPUT");
    expect(inline.extensions.field).toBe("first");
    expect(inline.message).toMatch(/at most 100/);
    const linksPage = persistedOperation("web", "WebLinksPage");
    const { result, count } = await test.countStatements(() => callPersisted(test, linksPage.id, { first: 5000 }, { token }));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(count).toBe(0);
    const last = await refused(`query ($n: Int) { links(last: $n) { edges { node { id } } } }`, "BAD_USER_INPUT", { n: 101 });
    expect(last.extensions.field).toBe("last");
    expect((await test.gql(`{ links(first: 100) { edges { node { id } } } }`, undefined, { token })).errors).toBeUndefined();
  });

  it("applies the same limits over WebSocket and SSE", async () => {
    const aliasBomb = `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
    const tokenFlood = `{ me { ${Array.from({ length: 1_100 }, () => "id").join(" ")} } }`;
    for (const query of [aliasBomb, tokenFlood]) {
      const { result: ws, statements } = await test.countStatements(() => overWebSocket(test, token, { query }));
      expect(ws.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      // Only the connection's check that its session is still signed in; nothing of the operation.
      expect(statements.filter((sql) => !sql.includes('"RefreshToken"'))).toEqual([]);
      const sse = await overSse(test, { method: "POST", token, body: { query } });
      expect(sse.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    }
    const hugePage = await overWebSocket(test, token, {
      query: `query ($n: Int) { links(first: $n) { edges { node { id } } } }`,
      variables: { n: 1000 },
    });
    expect(hugePage.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("keeps the standard validation errors as BAD_USER_INPUT, with suggestions outside production", async () => {
    const result = await test.gql(`{ me { emial } }`, undefined, { token });
    expect(result.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/Did you mean "email"/);
  });

  it("allows introspection outside production", async () => {
    const result = await test.gql(`{ __schema { queryType { name } } }`);
    expect(result.data.__schema.queryType.name).toBe("Query");
  });
});

describe("query limits: configuration", () => {
  it("takes its thresholds from the environment, and GRAPHQL_INTROSPECTION=false turns introspection off", async () => {
    const test = await startTestApp({ GRAPHQL_MAX_DEPTH: "2", GRAPHQL_MAX_ALIASES: "1", GRAPHQL_INTROSPECTION: "false" });
    try {
      const { token } = await test.signUp();
      const deep = await test.gql(`{ links { edges { node { id } } } }`, undefined, { token });
      expect(deep.errors?.[0]?.extensions.code).toBe("QUERY_TOO_COMPLEX");
      expect(deep.errors?.[0]?.message).toMatch(/depth of 2/);
      const aliased = await test.gql(`{ a: me { id } b: me { id } }`, undefined, { token });
      expect(aliased.errors?.[0]?.extensions.code).toBe("QUERY_TOO_COMPLEX");
      const introspection = await test.gql(`{ __schema { queryType { name } } }`);
      expect(introspection.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
      expect(introspection.errors?.[0]?.message).toMatch(/Introspection is disabled/);
      expect((await test.gql(`{ __typename }`)).data).toEqual({ __typename: "Query" });
    } finally {
      await test.close();
    }
  });

  // Production needs DATABASE_URL: only the PostgreSQL project can start such an app.
  it.skipIf(testDatabase() === "embedded")("in production: no introspection, no field suggestions, masked errors", async () => {
    const test = await startTestApp({ NODE_ENV: "production", PERSISTED_QUERIES_ONLY: "false" });
    try {
      const introspection = await test.gql(`{ __schema { types { name } } }`);
      expect(introspection.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
      const typo = await test.gql(`{ me { emial } }`);
      expect(typo.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const typoType = await test.gql(`{ linkz { id } }`);
      expect(typoType.errors?.[0]?.message).not.toMatch(/links/);
    } finally {
      await test.close();
    }
  });
});
