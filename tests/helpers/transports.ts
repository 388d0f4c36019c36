import { createClient, type Client as WsClient } from "graphql-ws";
import { expect } from "vitest";
import WebSocket from "ws";
import { CSRF } from "./persisted.js";
import type { TestApp } from "./test-app.js";

/** Runs one operation over graphql-transport-ws and collects what the server sends. */
export async function overWebSocket(test: TestApp, token: string, payload: Record<string, unknown>) {
  const client: WsClient = createClient({
    url: `${test.baseUrl.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
  try {
    return await new Promise<{ data?: any; errors?: any[] }>((resolve, reject) => {
      const results: Array<{ data?: any; errors?: any[] }> = [];
      client.subscribe({ query: "", ...payload } as never, {
        next: (result) => results.push(result as never),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
        complete: () => resolve(results[0] ?? {}),
      });
    });
  } finally {
    await client.dispose();
  }
}

/** Runs one operation over SSE (GraphQL over SSE, distinct connections mode, as Yoga serves it). */
export async function overSse(test: TestApp, request: { method: "POST" | "GET"; body: Record<string, unknown>; token?: string }) {
  const auth: Record<string, string> = request.token ? { authorization: `Bearer ${request.token}` } : {};
  const url = new URL(`${test.baseUrl}/graphql`);
  let init: RequestInit;
  if (request.method === "GET") {
    for (const [key, value] of Object.entries(request.body)) url.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
    init = { headers: { accept: "text/event-stream", ...CSRF, ...auth } };
  } else {
    init = {
      method: "POST",
      headers: { accept: "text/event-stream", "content-type": "application/json", ...auth },
      body: JSON.stringify(request.body),
    };
  }
  const response = await fetch(url, init);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const text = await response.text();
  const next = /event: next\ndata: (.*)\n/.exec(text);
  return JSON.parse(next![1]!) as { data?: any; errors?: any[] };
}
