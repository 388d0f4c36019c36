// A child process of bench/live-counts.ts: opens SUBSCRIBERS graphql-ws connections (one
// subscription each, to one link's clickCounts) and reports, per expected total, when each
// subscriber received the first message carrying at least that total. Runs in its own process
// so the load generator does not share an event loop (or a profile) with the server.
import { performance } from "node:perf_hooks";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

const url = process.env.LIVE_URL!;
const token = process.env.LIVE_TOKEN!;
const linkId = process.env.LIVE_LINK_ID!;
const count = Number(process.env.SUBSCRIBERS);
const CONNECT_CONCURRENCY = 100;
const QUERY = "subscription ($linkIds: [ID!]!) { clickCounts(linkIds: $linkIds) { linkId total } }";

const now = () => performance.timeOrigin + performance.now();
const send = (message: object) => process.send!(message);

let expected: { total: number; times: number[]; reached: Uint8Array } | undefined;
const latest = new Float64Array(count).fill(-1);
const clients: Client[] = [];
let errors = 0;

function onTotal(index: number, total: number) {
  latest[index] = total;
  if (!expected || expected.reached[index] || total < expected.total) return;
  expected.reached[index] = 1;
  expected.times.push(now());
  if (expected.times.length === count) {
    send({ type: "delivered", total: expected.total, times: expected.times });
    expected = undefined;
  }
}

function subscribe(index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    let first = true;
    client.subscribe<{ clickCounts: { linkId: string; total: number } }>(
      { query: QUERY, variables: { linkIds: [linkId] } },
      {
        next(result) {
          const total = result.data?.clickCounts?.total;
          if (typeof total !== "number") return;
          onTotal(index, total);
          if (first) {
            first = false;
            resolve();
          }
        },
        error(error) {
          errors++;
          const close = error as { code?: number; reason?: string };
          if (first) reject(error instanceof Error ? error : new Error(close.code ? `closed ${close.code} ${close.reason}` : JSON.stringify(error)));
        },
        complete() {},
      },
    );
  });
}

process.on("message", (message: { type: string; total?: number }) => {
  if (message.type === "expect") {
    expected = { total: message.total!, times: [], reached: new Uint8Array(count) };
  } else if (message.type === "state") {
    const missing = expected ? count - expected.times.length : 0;
    send({ type: "state", missing, errors, minLatest: Math.min(...latest) });
  } else if (message.type === "close") {
    void Promise.all(clients.map((client) => client.dispose())).finally(() => process.exit(0));
  }
});

const started = now();
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, async () => {
    while (next < count) await subscribe(next++);
  }),
);
send({ type: "ready", subscribers: count, connectMs: Math.round(now() - started), total: Math.max(...latest), rss: process.memoryUsage().rss });
