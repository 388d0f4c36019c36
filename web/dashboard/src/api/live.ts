// Live click totals over graphql-ws (subprotocol graphql-transport-ws on /graphql), by persisted id.
// One connection for the whole app; it reconnects with back-off while signed in, sending a fresh
// access token each time. The server closes a socket whose credential ended: 4401 (the token
// expired, or permissions changed: refresh and reconnect) or 4403 (revoked: signed out elsewhere,
// password changed). Either way the next connection first refreshes the session; when that fails,
// the session ends with a sentence saying why.
import { createClient, type Client } from "graphql-ws";
import { createStore } from "../lib/store";
import { ClickCounts } from "./operations";
import { accessToken, session, tokenAfterCredentialEnded } from "./session";
import { accessMayHaveChanged, selectedWorkspaceId } from "./workspace-selection";

export type LiveState = "off" | "connecting" | "live";
export const liveState = createStore<LiveState>("off");

const CREDENTIAL_ENDED = new Set([4401, 4403]);
const closeCode = (event: unknown) => (typeof event === "object" && event !== null && "code" in event ? Number((event as CloseEvent).code) : 0);

let client: Client | null = null;
let credentialEnded = false;

function liveClient(): Client {
  client ??= createClient({
    url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`,
    lazy: true,
    lazyCloseTimeout: 2_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => session.get().status === "signedIn",
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** retries, 10_000) * (0.5 + Math.random() / 2))),
    connectionParams: async () => {
      const token = credentialEnded ? await tokenAfterCredentialEnded() : await accessToken();
      credentialEnded = false;
      const workspaceId = selectedWorkspaceId.get();
      return { authorization: `Bearer ${token}`, ...(workspaceId ? { workspaceId } : {}) };
    },
    on: {
      connecting: () => liveState.set("connecting"),
      connected: () => liveState.set("live"),
      closed: (event) => {
        if (CREDENTIAL_ENDED.has(closeCode(event))) credentialEnded = true;
        liveState.set(session.get().status === "signedIn" ? "connecting" : "off");
      },
    },
  });
  return client;
}

function closeConnection() {
  const closing = client;
  if (!closing) return;
  client = null;
  void closing.dispose();
  liveState.set("off");
}

// Signing out closes the connection at once; another workspace gets a connection of its own.
session.subscribe(() => {
  if (session.get().status !== "signedIn") closeConnection();
});
selectedWorkspaceId.subscribe(closeConnection);

/** Each link's current total, then every new one, until the returned function is called. */
export function watchClickCounts(
  linkIds: string[],
  onTotal: (linkId: string, total: number) => void,
  onError?: (message: string) => void,
): () => void {
  if (linkIds.length === 0) return () => {};
  let stopped = false;
  let resubscribed = 0;
  let unsubscribe = () => {};
  const start = () => {
    if (stopped) return;
    const connection = liveClient();
    unsubscribe = connection.subscribe<{ clickCounts: { linkId: string; total: number } | null }>(
      // The server resolves documentId like the HTTP transport does; the text never ships.
      { query: "", documentId: ClickCounts.id, operationName: ClickCounts.name, variables: { linkIds: linkIds.slice(0, 100) } } as never,
      {
        next: ({ data, errors }) => {
          resubscribed = 0;
          if (data?.clickCounts) onTotal(data.clickCounts.linkId, data.clickCounts.total);
          else if (errors?.[0]) onError?.(errors[0].message);
        },
        error: (error) => {
          if (connection !== client) return; // closed on purpose: another workspace was chosen
          // graphql-ws does not retry 4401 by itself: subscribe again (the connection refreshes first).
          if (!stopped && CREDENTIAL_ENDED.has(closeCode(error)) && session.get().status === "signedIn" && resubscribed++ < 3)
            return void setTimeout(start, 250);
          if (session.get().status === "signedIn") onError?.(error instanceof Error ? error.message : "the connection was closed");
        },
        complete: () => {
          // The server ended it by itself: the person's access to a link's workspace changed.
          if (stopped || connection !== client || session.get().status !== "signedIn") return;
          accessMayHaveChanged.set(accessMayHaveChanged.get() + 1);
          if (resubscribed++ < 3) setTimeout(start, 250);
        },
      },
    );
  };
  start();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
