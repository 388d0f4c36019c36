import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { TestApp } from "./test-app.js";

/** A browser's user agent: bots (curl, node's fetch, autocannon…) are not counted as clicks by default. */
export const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

/** Follows nothing: one redirect as a browser would request it; resolves to the status. */
export const click = (baseUrl: string, slug: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/${slug}`, { redirect: "manual", headers: { "user-agent": BROWSER_UA, ...headers } }).then((response) => response.status);

/** `count` redirects, `parallel` at a time (bounded, loopback). */
export async function clickBurst(baseUrl: string, slug: string, count: number, parallel = 16) {
  let next = 0;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next++;
        statuses.push(await click(baseUrl, slug));
      }
    }),
  );
  return statuses;
}

export const CLICK_COUNTS = `subscription ($linkIds: [ID!]!) { clickCounts(linkIds: $linkIds) { linkId total } }`;

export interface Received {
  /** Every `next` payload, in order. */
  results: Array<{ data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }>;
  /** Set when the operation failed as a whole (an `error` message or a closed socket). */
  failure?: unknown;
  completed: boolean;
  stop(): void;
}

/** A graphql-ws client for the test app, sending `token` in connection_init. */
export function wsClient(
  test: Pick<TestApp, "baseUrl">,
  token?: string,
  options: { retryAttempts?: number; onClosed?: (event: { code: number; reason: string }) => void; workspaceId?: string } = {},
): Client {
  return createClient({
    url: `${test.baseUrl.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: options.retryAttempts ?? 0,
    lazy: true,
    connectionParams: token ? { authorization: `Bearer ${token}`, ...(options.workspaceId ? { workspaceId: options.workspaceId } : {}) } : undefined,
    on: { closed: (event) => options.onClosed?.(event as { code: number; reason: string }) },
  });
}

/** Subscribes and records everything received. */
export function subscribe(client: Client, query: string, variables: Record<string, unknown>): Received {
  const received: Received = { results: [], completed: false, stop: () => {} };
  received.stop = client.subscribe(
    { query, variables },
    {
      next: (result) => void received.results.push(result as Received["results"][number]),
      error: (error) => void (received.failure = error),
      complete: () => void (received.completed = true),
    },
  );
  return received;
}

/** Totals received per link, in order. */
export const totalsOf = (received: Pick<Received, "results">, linkId: string) =>
  received.results
    .map((result) => result.data?.clickCounts)
    .filter((update) => update?.linkId === linkId)
    .map((update) => update.total as number);

/**
 * A subscription over SSE (Yoga's "distinct connections" mode): POST with
 * Accept: text/event-stream; each `next` event's data is one execution result.
 */
export async function sseSubscribe(test: Pick<TestApp, "baseUrl">, token: string | undefined, query: string, variables: Record<string, unknown>) {
  const controller = new AbortController();
  const response = await fetch(`${test.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const received: { status: number; contentType: string | null; results: Received["results"]; ended: boolean; close(): void } = {
    status: response.status,
    contentType: response.headers.get("content-type"),
    results: [],
    ended: false,
    close: () => controller.abort(),
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event
            .split("\n")
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trim())
            .join("\n");
          const type = /^event:\s*(\S+)/m.exec(event)?.[1] ?? "message";
          if ((type === "next" || type === "message") && data) received.results.push(JSON.parse(data));
          if (type === "complete") received.ended = true;
        }
      }
    } catch {
      /* aborted */
    }
    received.ended = true;
  })();
  return received;
}
