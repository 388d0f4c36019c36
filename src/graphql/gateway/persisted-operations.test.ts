import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF, callPersisted, persistedOperation } from "../../../tests/helpers/persisted.js";
import { overSse, overWebSocket } from "../../../tests/helpers/transports.js";
import { startTestApp, testDatabase, type TestApp } from "../../../tests/helpers/test-app.js";
import { loadConfig } from "../../config.js";
import { documentIdOf } from "./persisted-documents.js";

const me = persistedOperation("web", "WebMe");
const signUp = persistedOperation("web", "WebSignUp");
const createLink = persistedOperation("web", "WebCreateLink");
const linksPage = persistedOperation("web", "WebLinksPage");
const UNKNOWN_ID = `sha256:${"0".repeat(64)}`;

const signUpPersisted = async (test: TestApp) => {
  const result = await callPersisted(test, signUp.id, { input: { email: `pq-${randomUUID()}@example.com`, password: "correct horse battery" } });
  expect(result.errors).toBeUndefined();
  return result.data.signUp.accessToken as string;
};

describe("persisted operations (safelist off: NODE_ENV=test)", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startTestApp();
    token = await signUpPersisted(test);
  });
  afterAll(() => test.close());

  it("serves a documentId over POST", async () => {
    const result = await callPersisted(test, me.id, undefined, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data.me.email).toMatch(/^pq-/);
  });

  it("serves an Apollo APQ hash over POST", async () => {
    const result = await callPersisted(test, me.id, undefined, { token, as: "apq" });
    expect(result.data.me.email).toMatch(/^pq-/);
  });

  it("serves a documentId and an APQ hash over GET, private when authenticated", async () => {
    for (const as of ["documentId", "apq"] as const) {
      const result = await callPersisted(test, me.id, undefined, { token, method: "GET", as });
      expect(result.status).toBe(200);
      expect(result.data.me.email).toMatch(/^pq-/);
      expect(result.headers.get("cache-control")).toBe("private, no-store");
      expect(result.headers.get("vary")).toMatch(/Authorization/);
    }
  });

  it("lets a CDN cache an anonymous persisted query over GET, varying on Authorization", async () => {
    const result = await callPersisted(test, me.id, undefined, { method: "GET" });
    expect(result.data).toEqual({ me: null });
    expect(result.headers.get("cache-control")).toBe("public, max-age=60");
    expect(result.headers.get("vary")).toMatch(/Authorization/);
    expect(result.headers.get("vary")).toMatch(/Accept/);
  });

  it("never lets shared caches store POSTs, arbitrary GETs or failures", async () => {
    const post = await callPersisted(test, me.id);
    expect(post.headers.get("cache-control")).toBe("no-store");
    const arbitrary = await fetch(`${test.baseUrl}/graphql?query=${encodeURIComponent("{ me { id } }")}`, { headers: CSRF });
    expect(arbitrary.status).toBe(200);
    expect(await arbitrary.json()).toEqual({ data: { me: null } });
    expect(arbitrary.headers.get("cache-control")).toBe("no-store");
    const failed = await callPersisted(test, linksPage.id, { first: 5 }, { method: "GET" }); // anonymous: UNAUTHENTICATED
    expect(failed.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(failed.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 405 to a mutation over GET, whichever way it is named, and runs nothing", async () => {
    for (const as of ["documentId", "apq"] as const) {
      const { result, count } = await test.countStatements(() =>
        callPersisted(test, createLink.id, { input: { url: "https://example.com/get" } }, { token, method: "GET", as }),
      );
      expect(result.status).toBe(405);
      expect(result.headers.get("allow")).toBe("POST");
      expect(count).toBe(0);
    }
  });

  it("refuses GET without a CSRF header (a browser sends none without a CORS preflight)", async () => {
    const response = await fetch(`${test.baseUrl}/graphql?documentId=${encodeURIComponent(me.id)}`);
    expect(response.status).toBe(403);
    await response.arrayBuffer();
  });

  it("answers PERSISTED_QUERY_NOT_FOUND for an unknown id over POST and GET, and BAD_USER_INPUT for a malformed one", async () => {
    for (const method of ["POST", "GET"] as const) {
      for (const as of ["documentId", "apq"] as const) {
        const result = await callPersisted(test, UNKNOWN_ID, undefined, { method, as });
        expect(result.errors?.[0]?.extensions.code, `${method} ${as}`).toBe("PERSISTED_QUERY_NOT_FOUND");
        expect(result.data ?? null).toBeNull();
      }
    }
    const malformed = await callPersisted(test, "sha1:abc");
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "documentId" });
  });

  it("serves by id when a request sends both the id and the text (APQ registration)", async () => {
    const response = await fetch(`${test.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: me.text, extensions: { persistedQuery: { version: 1, sha256Hash: me.hash } } }),
    });
    expect(((await response.json()) as any).data.me.email).toMatch(/^pq-/);
  });

  it("serves both id formats over WebSocket", async () => {
    expect((await overWebSocket(test, token, { documentId: me.id })).data.me.email).toMatch(/^pq-/);
    expect((await overWebSocket(test, token, { extensions: { persistedQuery: { version: 1, sha256Hash: me.hash } } })).data.me.email).toMatch(/^pq-/);
    const unknown = await overWebSocket(test, token, { documentId: UNKNOWN_ID });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("serves both id formats over SSE, with POST and GET", async () => {
    for (const method of ["POST", "GET"] as const) {
      expect((await overSse(test, { method, token, body: { documentId: me.id } })).data.me.email).toMatch(/^pq-/);
      const apq = await overSse(test, { method, token, body: { extensions: { persistedQuery: { version: 1, sha256Hash: me.hash } } } });
      expect(apq.data.me.email).toMatch(/^pq-/);
      const unknown = await overSse(test, { method, token, body: { documentId: UNKNOWN_ID } });
      expect(unknown.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    }
  });
});

describe("safelist (PERSISTED_QUERIES_ONLY)", () => {
  let test: TestApp;
  let token: string;
  const createKey = async (scopes: string[]) => {
    const result = await callPersisted(
      test,
      persistedOperation("dashboard", "DashboardCreateApiKey").id,
      { input: { name: `key ${scopes.join(" ")}`, scopes } },
      { token },
    );
    expect(result.errors).toBeUndefined();
    return result.data.createApiKey.secret as string;
  };
  beforeAll(async () => {
    test = await startTestApp({ PERSISTED_QUERIES_ONLY: "true" });
    token = await signUpPersisted(test);
  });
  afterAll(() => test.close());

  it("refuses arbitrary operations with PERSISTED_QUERY_ONLY, before any SQL, on every transport", async () => {
    const { result, count } = await test.countStatements(() => test.gql(`{ me { id email } }`, undefined, { token }));
    expect(result.errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_ONLY");
    expect(result.data ?? null).toBeNull();
    expect(count).toBe(0);
    const sse = await overSse(test, { method: "POST", token, body: { query: "{ me { id } }" } });
    expect(sse.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ONLY");
    const ws = await overWebSocket(test, token, { query: "{ me { id } }" });
    expect(ws.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ONLY");
  });

  it("still serves persisted operations, including with their text attached", async () => {
    expect((await callPersisted(test, me.id, undefined, { token })).data.me.email).toMatch(/^pq-/);
    const withText = await fetch(`${test.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ documentId: me.id, query: me.text }),
    });
    expect(((await withText.json()) as any).data.me.email).toMatch(/^pq-/);
  });

  it("lets an API key with the ARBITRARY_OPERATIONS scope send its own operations, and no other key", async () => {
    const developer = await createKey(["LINKS_READ", "ARBITRARY_OPERATIONS"]);
    const allowed = await test.gql(`{ links(first: 2) { edges { node { slug } } } }`, undefined, { token: developer });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.links.edges).toEqual([]);

    const ordinary = await createKey(["LINKS_READ"]);
    const refused = await test.gql(`{ links(first: 2) { edges { node { slug } } } }`, undefined, { token: ordinary });
    expect(refused.errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_ONLY");
    // ...while it may still use persisted operations within its scopes.
    const persisted = await callPersisted(test, linksPage.id, { first: 2 }, { token: ordinary });
    expect(persisted.errors).toBeUndefined();
  });
});

describe("safelist by environment", () => {
  it("is on in production and off in development and test unless PERSISTED_QUERIES_ONLY says otherwise", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://u@localhost/db", JWT_SECRET: "x".repeat(32) };
    expect(loadConfig(production).gateway.persistedQueriesOnly).toBe(true);
    expect(loadConfig({ ...production, PERSISTED_QUERIES_ONLY: "false" }).gateway.persistedQueriesOnly).toBe(false);
    expect(loadConfig({ NODE_ENV: "development" }).gateway.persistedQueriesOnly).toBe(false);
    expect(loadConfig({ NODE_ENV: "test" }).gateway.persistedQueriesOnly).toBe(false);
    expect(loadConfig({ NODE_ENV: "development", PERSISTED_QUERIES_ONLY: "true" }).gateway.persistedQueriesOnly).toBe(true);
  });

  // Production needs DATABASE_URL: only the PostgreSQL project can start such an app.
  it.skipIf(testDatabase() === "embedded")("refuses arbitrary operations in a production app, and GraphiQL is off there", async () => {
    const test = await startTestApp({ NODE_ENV: "production" });
    try {
      const result = await test.gql(`{ me { id } }`);
      expect(result.errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_ONLY");
      expect((await callPersisted(test, me.id)).data).toEqual({ me: null });
      // A browser gets a page saying how to use the API (406), not GraphiQL.
      const page = await fetch(`${test.baseUrl}/graphql`, { headers: { accept: "text/html" } });
      expect(page.status).toBe(406);
      expect(await page.text()).not.toMatch(/renderYogaGraphiQL/);
    } finally {
      await test.close();
    }
  });

  it("allows arbitrary operations in development (GraphiQL)", async () => {
    const test = await startTestApp({ NODE_ENV: "development" });
    try {
      expect((await test.gql(`{ me { id } }`)).data).toEqual({ me: null });
      const page = await fetch(`${test.baseUrl}/graphql`, { headers: { accept: "text/html" } });
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      expect(await page.text()).toMatch(/GraphiQL/);
    } finally {
      await test.close();
    }
  });
});

describe("manifests published while running", () => {
  let test: TestApp;
  let directory: string;
  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), "linkgraph-pq-"));
    cpSync(
      path.resolve(import.meta.dirname, "../../../persisted-queries/web/__generated__/persisted-documents.json"),
      path.join(directory, "web.json"),
    );
    test = await startTestApp({ PERSISTED_QUERIES_DIR: directory, PERSISTED_QUERIES_RELOAD_MS: "0", PERSISTED_QUERIES_ONLY: "true" });
  });
  afterAll(async () => {
    await test.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("serves a new client version's manifest without a restart, and the old version's operations still", async () => {
    const newOperation = "query IosMeV2 { me { id email role } }";
    const id = documentIdOf(newOperation);
    expect((await callPersisted(test, id)).errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    writeFileSync(path.join(directory, "ios-2.0.0.json"), JSON.stringify({ [id]: newOperation }));
    const served = await callPersisted(test, id);
    expect(served.errors).toBeUndefined();
    expect(served.data).toEqual({ me: null });
    expect((await callPersisted(test, me.id)).data).toEqual({ me: null });
  });

  it("ignores manifest entries whose id is not the hash of their text", async () => {
    const forged = `sha256:${"a".repeat(64)}`;
    writeFileSync(path.join(directory, "forged.json"), JSON.stringify({ [forged]: "query Forged { me { id } }" }));
    expect((await callPersisted(test, forged)).errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});
