// Live click totals over graphql-ws (subprotocol graphql-transport-ws on /graphql), by persisted id.
// One connection for the whole app; it reconnects with back-off while signed in, sending a fresh
// access token each time. A close that says the credential ended (4401/4403: refused or expired;
// 4419-4499 as the server may use for revoked/ended credentials) triggers a refresh; if that fails,
// the session ends with a sentence saying why.
import { createClient, type Client } from "graphql-ws";
import { createStore } from "../lib/store";
import { ClickCounts } from "./operations";
import { accessToken, credentialEnded, session } from "./session";

export type LiveState = "off" | "connecting" | "live";
export const liveState = createStore<LiveState>("off");

let client: Client | null = null;

const isCredentialClose = (code: number) => code === 4401 || code === 4403 || (code >= 4410 && code <= 4499 && code !== 4429);

function liveClient(): Client {
  client ??= createClient({
    url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`,
    lazy: true,
    lazyCloseTimeout: 2_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => session.get().status === "signedIn",
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** retries, 10_000) * (0.5 + Math.random() / 2))),
    connectionParams: async () => ({ authorization: `Bearer ${await accessToken()}` }),
    on: {
      connecting: () => liveState.set("connecting"),
      connected: () => liveState.set("live"),
      closed: (event) => {
        liveState.set(session.get().status === "signedIn" ? "connecting" : "off");
        const code = (event as CloseEvent | undefined)?.code ?? 0;
        if (isCredentialClose(code)) void credentialEnded();
      },
    },
  });
  return client;
}

// Signing out closes the connection at once.
session.subscribe(() => {
  if (session.get().status !== "signedIn" && client) {
    void client.dispose();
    client = null;
    liveState.set("off");
  }
});

/** Each link's current total, then every new one, until the returned function is called. */
export function watchClickCounts(linkIds: string[], onTotal: (linkId: string, total: number) => void, onError?: (message: string) => void): () => void {
  if (linkIds.length === 0) return () => {};
  return liveClient().subscribe<{ clickCounts: { linkId: string; total: number } | null }>(
    // The server resolves documentId like the HTTP transport does; the text never ships.
    { query: "", documentId: ClickCounts.id, operationName: ClickCounts.name, variables: { linkIds: linkIds.slice(0, 100) } } as never,
    {
      next: ({ data, errors }) => {
        if (data?.clickCounts) onTotal(data.clickCounts.linkId, data.clickCounts.total);
        else if (errors?.[0]) onError?.(errors[0].message);
      },
      error: (error) => onError?.(error instanceof Error ? error.message : "Live updates stopped."),
      complete: () => {},
    },
  );
}
