import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

// An operation's first run is interpreted by graphql-js, later runs execute graphql-jit's
// compiled code (compiled-operations.ts): clients must not be able to tell them apart.

let test: TestApp;
let token: string;
beforeAll(async () => {
  test = await startTestApp();
  ({ token } = await test.signUp());
  for (const url of ["https://example.com/a", "https://example.com/b"]) {
    const created = await test.gql(
      `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id } } }`,
      { input: { url } },
      { token },
    );
    expect(created.errors).toBeUndefined();
  }
});
afterAll(() => test.close());

const runs = async (times: number, ...args: Parameters<TestApp["gql"]>) => {
  const results = [];
  for (let i = 0; i < times; i++) {
    const { data, errors } = await test.gql(...args);
    results.push({ data, errors });
  }
  return results;
};

describe("compiled operations", () => {
  it("answer a links page (relations, connection, DateTime, enum arguments) exactly as interpreted", async () => {
    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    const query = `query ($from: DateTime!, $to: DateTime!) { links(first: 10) {
      edges { node { id slug url clickCount createdAt expiresAt owner { id email } status
        clickSeries(from: $from, to: $to, granularity: HOUR, timezone: "UTC") { start end clicks } } }
      pageInfo { hasNextPage endCursor } } }`;
    const variables = { from: new Date(to.getTime() - 3 * 3_600_000).toISOString(), to: to.toISOString() };
    const [first, ...later] = await runs(3, query, variables, { token });
    expect(first!.errors).toBeUndefined();
    expect(first!.data.links.edges).toHaveLength(2);
    expect(first!.data.links.edges[0].node.clickSeries[0].start).toBe(variables.from);
    for (const result of later) expect(result).toEqual(first);
  });

  it("run the operation the request names, in a document holding several", async () => {
    const document = `query Me { me { email } } query Count { links(first: 1) { edges { node { slug } } } }`;
    for (let i = 0; i < 3; i++) {
      const me = await fetchOperation(document, "Me");
      const count = await fetchOperation(document, "Count");
      expect(Object.keys(me.data)).toEqual(["me"]);
      expect(Object.keys(count.data)).toEqual(["links"]);
    }
    const single = `query Me { me { email } }`;
    for (let i = 0; i < 3; i++) expect((await fetchOperation(single, "Me")).data).toEqual({ me: expect.any(Object) });
    expect((await fetchOperation(single, "Other")).errors).toHaveLength(1);
  });

  it("keep error codes: a use case's BAD_USER_INPUT with its field, and a variable the scalar refuses", async () => {
    const mutation = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id } } }`;
    const [first, ...later] = await runs(3, mutation, { input: { url: "not a url" } }, { token });
    expect(first!.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
    for (const result of later) expect(result).toEqual(first);

    // Errors inside lists: one per link, each with its path and location.
    const nested = await runs(
      3,
      `query ($from: DateTime!, $to: DateTime!) { links(first: 5) { edges { node {
      slug clickSeries(from: $from, to: $to) { clicks } } } } }`,
      { from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" },
      { token },
    );
    expect(nested[0]!.errors).toHaveLength(2);
    expect(nested[0]!.errors?.[0]).toMatchObject({ path: ["links", "edges", 0, "node", "clickSeries"], locations: [{ line: 2, column: 12 }] });
    expect(nested[0]!.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    for (const result of nested.slice(1)) expect(result).toEqual(nested[0]);

    const badVariable = await runs(3, `query ($from: DateTime!) { links(first: 1) { edges { node { clickSeries(from: $from) { clicks } } } } }`, {
      from: "yesterday",
    });
    expect(badVariable[0]!.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    for (const result of badVariable.slice(1)) expect(result).toEqual(badVariable[0]);
  });

  it("keep refusals of the caller: anonymous links is UNAUTHENTICATED every time", async () => {
    const [first, ...later] = await runs(3, `{ links(first: 1) { edges { node { id } } } }`);
    expect(first!.data).toEqual({ links: null });
    expect(first!.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    for (const result of later) expect(result).toEqual(first);
  });
});

async function fetchOperation(query: string, operationName: string) {
  const response = await fetch(`${test.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, operationName }),
  });
  return (await response.json()) as { data: Record<string, unknown>; errors?: unknown[] };
}
