import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLICK_COUNTS, sseSubscribe } from "../../tests/helpers/live.js";
import { startTestApp, TEST_JWT_SECRET, TEST_PUBLIC_BASE_URL, testDatabase, type TestApp } from "../../tests/helpers/test-app.js";
import { until } from "../../tests/helpers/webhook-receiver.js";

const TTL_SECONDS = 6;

/** A graphql-ws subscription to clickCounts on a raw socket: what it received and how it closed. */
async function liveOverWebSocket(test: TestApp, credential: string, linkId: string) {
  const socket = new WebSocket(`${test.baseUrl.replace("http", "ws")}/graphql`, "graphql-transport-ws");
  const totals: number[] = [];
  let closedWith: { code: number; reason: string } | undefined;
  socket.on("close", (code, reason) => (closedWith = { code, reason: reason.toString() }));
  socket.on("message", (data) => {
    const message = JSON.parse(data.toString());
    if (message.type === "connection_ack") {
      socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: CLICK_COUNTS, variables: { linkIds: [linkId] } } }));
    }
    if (message.type === "next") totals.push(message.payload.data.clickCounts.total);
  });
  await new Promise((resolve, reject) => (socket.once("open", resolve), socket.once("error", reject)));
  socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${credential}` } }));
  return {
    totals,
    closed: () => closedWith,
    async waitForClose(timeoutMs = 5_000) {
      await until(
        async () => closedWith !== undefined,
        timeoutMs,
        () => "the socket to close",
      );
      return closedWith!;
    },
  };
}

/** The same over SSE: its results and the reason of the last error, if any. */
async function liveOverSse(test: TestApp, credential: string, linkId: string) {
  const stream = await sseSubscribe(test, credential, CLICK_COUNTS, { linkIds: [linkId] });
  await until(
    async () => stream.results.length > 0,
    5_000,
    () => "the first total over SSE",
  );
  return {
    stream,
    async waitForEnd(timeoutMs = 5_000) {
      await until(
        async () => stream.ended,
        timeoutMs,
        () => "the SSE stream to end",
      );
      return stream.results.at(-1)?.errors?.[0]?.extensions;
    },
  };
}

const LOG_OUT = `mutation ($input: LogOutInput!) { logOut(input: $input) { success revokedSessions } }`;
const CHANGE_PASSWORD = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }`;
const CREATE_KEY = `mutation { createApiKey(input: {name: "live", scopes: [LINKS_READ, ANALYTICS_READ]}) { apiKey { id } secret } }`;
const REVOKE_KEY = `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } } }`;

// Two instances on one PostgreSQL and one Redis: the credential ends on A, live operations end on B.
describe.skipIf(testDatabase() === "embedded")("live operations end with their credentials, on every instance", () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const env = {
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_KEY_PREFIX: `test:live-credentials:${randomUUID()}:`,
      ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS),
    };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  async function userWithLink() {
    const user = await a.signUp();
    const created = await a.gql(`mutation { createLink(input: {url: "https://example.com/x"}) { link { id } } }`, {}, { token: user.token });
    return { ...user, linkId: created.data.createLink.link.id as string };
  }

  it("tells an expired token from a forged one over HTTP", async () => {
    const expired = await new SignJWT({ role: "USER" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(randomUUID())
      .setIssuer(TEST_PUBLIC_BASE_URL)
      .setAudience("linkgraph")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const forged = await new SignJWT({ role: "ADMIN" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(randomUUID())
      .setIssuer(TEST_PUBLIC_BASE_URL)
      .setAudience("linkgraph")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-server-secret-but-just-as-long!!"));
    const asExpired = await a.gql(`{ me { id } }`, {}, { token: expired });
    const asForged = await a.gql(`{ me { id } }`, {}, { token: forged });
    expect(asExpired.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "TOKEN_EXPIRED" });
    expect(asForged.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "TOKEN_INVALID" });
  });

  it("ends graphql-ws and SSE subscriptions when the access token expires (4401 TOKEN_EXPIRED)", async () => {
    const user = await userWithLink();
    const ws = await liveOverWebSocket(b, user.token, user.linkId);
    const sse = await liveOverSse(b, user.token, user.linkId);
    await until(async () => ws.totals.length > 0, 5_000);
    expect(ws.closed()).toBeUndefined();
    expect(await ws.waitForClose((TTL_SECONDS + 3) * 1000)).toEqual({ code: 4401, reason: "TOKEN_EXPIRED" });
    expect(await sse.waitForEnd(3_000)).toMatchObject({ code: "UNAUTHENTICATED", reason: "TOKEN_EXPIRED" });
    // Reconnecting with the same token is refused the same way.
    expect(await (await liveOverWebSocket(b, user.token, user.linkId)).waitForClose()).toEqual({ code: 4401, reason: "TOKEN_EXPIRED" });
  });

  it("ends an API key's subscriptions on another instance when the key is revoked (4403 CREDENTIAL_REVOKED)", async () => {
    const user = await userWithLink();
    const key = await a.gql(CREATE_KEY, {}, { token: user.token });
    const secret = key.data.createApiKey.secret as string;
    const ws = await liveOverWebSocket(b, secret, user.linkId);
    const sse = await liveOverSse(b, secret, user.linkId);
    await until(async () => ws.totals.length > 0, 5_000);
    const revoked = await a.gql(REVOKE_KEY, { input: { id: key.data.createApiKey.apiKey.id } }, { token: user.token });
    expect(revoked.errors).toBeUndefined();
    expect(await ws.waitForClose(2_000)).toEqual({ code: 4403, reason: "CREDENTIAL_REVOKED" });
    expect(await sse.waitForEnd(2_000)).toMatchObject({ code: "UNAUTHENTICATED", reason: "CREDENTIAL_REVOKED" });
    expect(await (await liveOverWebSocket(b, secret, user.linkId)).waitForClose()).toEqual({ code: 4403, reason: "CREDENTIAL_REVOKED" });
  });

  it("ends every session's subscriptions on logOut(everywhere), and refuses the still-unexpired token afterwards", async () => {
    const user = await userWithLink();
    const key = await a.gql(CREATE_KEY, {}, { token: user.token });
    const ws = await liveOverWebSocket(b, user.token, user.linkId);
    const sse = await liveOverSse(b, user.token, user.linkId);
    const byKey = await liveOverWebSocket(b, key.data.createApiKey.secret, user.linkId);
    await until(async () => ws.totals.length > 0 && byKey.totals.length > 0, 5_000);
    const out = await a.gql(LOG_OUT, { input: { everywhere: true } }, { token: user.token });
    expect(out.data.logOut.success).toBe(true);
    expect(await ws.waitForClose(2_000)).toEqual({ code: 4403, reason: "CREDENTIAL_REVOKED" });
    expect(await sse.waitForEnd(2_000)).toMatchObject({ code: "UNAUTHENTICATED", reason: "CREDENTIAL_REVOKED" });
    expect(await (await liveOverWebSocket(b, user.token, user.linkId)).waitForClose()).toEqual({ code: 4403, reason: "CREDENTIAL_REVOKED" });
    // API keys are not sessions: signing out does not stop programs.
    expect(byKey.closed()).toBeUndefined();
  });

  it("ends the other sessions' subscriptions on a password change, not the new session's", async () => {
    const user = await userWithLink();
    const ws = await liveOverWebSocket(b, user.token, user.linkId);
    await until(async () => ws.totals.length > 0, 5_000);
    const changed = await a.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: "correct horse battery", newPassword: "another horse battery" } },
      { token: user.token },
    );
    const fresh = changed.data.changePassword.accessToken as string;
    const next = await liveOverWebSocket(b, fresh, user.linkId);
    expect(await ws.waitForClose(2_000)).toEqual({ code: 4403, reason: "CREDENTIAL_REVOKED" });
    await until(async () => next.totals.length > 0, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(next.closed()).toBeUndefined();
  });
});

describe("without Redis, in one process", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test?.close());

  it("ends a subscription when its API key is revoked", async () => {
    const user = await test.signUp();
    const created = await test.gql(`mutation { createLink(input: {url: "https://example.com/y"}) { link { id } } }`, {}, { token: user.token });
    const key = await test.gql(CREATE_KEY, {}, { token: user.token });
    const ws = await liveOverWebSocket(test, key.data.createApiKey.secret, created.data.createLink.link.id);
    await until(async () => ws.totals.length > 0, 5_000);
    await test.gql(REVOKE_KEY, { input: { id: key.data.createApiKey.apiKey.id } }, { token: user.token });
    expect(await ws.waitForClose(2_000)).toEqual({ code: 4403, reason: "CREDENTIAL_REVOKED" });
  });
});
