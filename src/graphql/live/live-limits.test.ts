import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLICK_COUNTS, sseSubscribe } from "../../../tests/helpers/live.js";
import { persistedOperation } from "../../../tests/helpers/persisted.js";
import { startTestApp, type TestApp } from "../../../tests/helpers/test-app.js";
import { until } from "../../../tests/helpers/webhook-receiver.js";

/** A raw graphql-transport-ws socket: what a misbehaving or hand-written client sends. */
async function rawSocket(test: TestApp, token: string) {
  const socket = new WebSocket(`${test.baseUrl.replace("http", "ws")}/graphql`, "graphql-transport-ws");
  const messages: any[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on("message", (data) => messages.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => (socket.once("open", resolve), socket.once("error", reject)));
  socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
  const acknowledged = await Promise.race([
    until(async () => messages.some((message) => message.type === "connection_ack"), 5_000).then(() => true),
    closed.then(() => false),
  ]);
  return { socket, messages, closed, acknowledged, send: (message: object) => socket.send(JSON.stringify(message)) };
}

/** Retries `attempt` until it returns something other than false. */
async function eventually<T>(attempt: () => Promise<T | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== false) return result;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("limits of live operations", () => {
  let test: TestApp;
  let user: Awaited<ReturnType<TestApp["signUp"]>>;
  let linkId: string;

  beforeAll(async () => {
    test = await startTestApp({ LIVE_MAX_WEBSOCKETS_PER_USER: "2", LIVE_MAX_SSE_STREAMS_PER_USER: "2" });
    user = await test.signUp();
    const created = await test.gql(`mutation { createLink(input: {url: "https://example.com/live"}) { link { id } } }`, {}, { token: user.token });
    linkId = created.data.createLink.link.id;
  });
  afterAll(() => test?.close());

  it("accepts at most 50 operations per socket, even when subscribe messages arrive back to back", async () => {
    const { socket, messages, acknowledged } = await rawSocket(test, user.token);
    expect(acknowledged).toBe(true);
    for (let i = 0; i < 200; i++) {
      socket.send(JSON.stringify({ id: `op-${i}`, type: "subscribe", payload: { query: CLICK_COUNTS, variables: { linkIds: [linkId] } } }));
    }
    // Every running subscription first sends the current total; refused ones get an error.
    await until(async () => messages.filter((message) => message.type === "next" || message.type === "error").length >= 200, 20_000);
    const running = new Set(messages.filter((message) => message.type === "next").map((message) => message.id));
    const refused = messages.filter((message) => message.type === "error");
    expect(running.size).toBe(50);
    expect(refused).toHaveLength(150);
    expect(refused[0].payload[0]).toMatchObject({ message: "At most 50 operations per connection", extensions: { code: "BAD_USER_INPUT" } });
    // Completing one frees a slot.
    socket.send(JSON.stringify({ id: [...running][0], type: "complete" }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.send(JSON.stringify({ id: "again", type: "subscribe", payload: { query: CLICK_COUNTS, variables: { linkIds: [linkId] } } }));
    await until(async () => messages.some((message) => message.id === "again" && message.type === "next"), 5_000);
    socket.close();
  });

  it("runs a persisted operation sent over WebSocket as {documentId} without query", async () => {
    const { socket, messages, closed, acknowledged } = await rawSocket(test, user.token);
    expect(acknowledged).toBe(true);
    const live = persistedOperation("dashboard", "DashboardClickCounts");
    socket.send(JSON.stringify({ id: "pq", type: "subscribe", payload: { documentId: live.id, variables: { linkIds: [linkId] } } }));
    const apq = { version: 1, sha256Hash: live.hash };
    socket.send(JSON.stringify({ id: "apq", type: "subscribe", payload: { extensions: { persistedQuery: apq }, variables: { linkIds: [linkId] } } }));
    await until(async () => ["pq", "apq"].every((id) => messages.some((message) => message.id === id && message.type === "next")), 5_000);
    expect(messages.find((message) => message.id === "pq").payload.data.clickCounts).toEqual({ linkId, total: 0 });
    socket.close();
    expect((await closed).code).toBe(1005);
  });

  it("refuses a third WebSocket of the same user with 4429, and counts API keys apart", async () => {
    const first = await rawSocket(test, user.token);
    const second = await rawSocket(test, user.token);
    const third = await rawSocket(test, user.token);
    expect([first.acknowledged, second.acknowledged, third.acknowledged]).toEqual([true, true, false]);
    expect(await third.closed).toEqual({ code: 4429, reason: "TOO_MANY_CONNECTIONS" });
    const key = await test.gql(
      `mutation { createApiKey(input: {name: "live", scopes: [ANALYTICS_READ, LINKS_READ]}) { secret } }`,
      {},
      { token: user.token },
    );
    const byKey = await rawSocket(test, key.data.createApiKey.secret);
    expect(byKey.acknowledged).toBe(true);
    first.socket.close();
    await first.closed;
    const again = await eventually(async () => {
      const next = await rawSocket(test, user.token);
      return next.acknowledged ? next : false;
    }, 5_000);
    for (const open of [second, again, byKey]) open.socket.close();
  });

  it("refuses a third SSE stream of the same user with RATE_LIMITED, and frees the slot when one ends", async () => {
    const streams = [];
    for (let i = 0; i < 2; i++) {
      const stream = await sseSubscribe(test, user.token, CLICK_COUNTS, { linkIds: [linkId] });
      await until(async () => stream.results.length > 0, 5_000);
      streams.push(stream);
    }
    const third = await sseSubscribe(test, user.token, CLICK_COUNTS, { linkIds: [linkId] });
    await until(async () => third.ended, 5_000);
    expect(third.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reason: "TOO_MANY_STREAMS", limit: 2 });
    streams[0]!.close();
    const fourth = await eventually(async () => {
      const stream = await sseSubscribe(test, user.token, CLICK_COUNTS, { linkIds: [linkId] });
      await until(async () => stream.results.length > 0, 5_000);
      if (stream.results[0]?.data) return stream;
      stream.close();
      return false;
    }, 5_000);
    expect(fourth.results[0]!.data.clickCounts).toEqual({ linkId, total: 0 });
    for (const stream of [streams[1]!, fourth]) stream.close();
  });
});
