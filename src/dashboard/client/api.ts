// Talks to /graphql by persisted document id (the dashboard's operations are in
// persisted-queries/dashboard), so it works where the server runs persisted operations only.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createClient, type Client } from "graphql-ws";
import { DashboardLogInDocument, DashboardLogOutDocument, DashboardRefreshSessionDocument } from "../../../persisted-queries/dashboard/__generated__/graphql.js";

interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

const STORAGE_KEY = "linkgraph.dashboard.session";
const documentId = (document: TypedDocumentNode<unknown, never>) => (document as unknown as { __meta__: { hash: string } }).__meta__.hash;

let session: Session | null = readSession();
let refreshing: Promise<string> | null = null;

function readSession(): Session | null {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as Session | null;
  } catch {
    return null;
  }
}

function saveSession(next: Session | null) {
  session = next;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
}

export const isSignedIn = () => session !== null;

async function post<R, V>(document: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<R> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ documentId: documentId(document), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: R; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  const error = body.errors?.[0];
  if (error || !body.data) throw new ApiError(error?.message ?? `HTTP ${response.status}`, error?.extensions?.code);
  return body.data;
}

/** A valid access token, refreshed (once, however many callers ask) when it is about to expire. */
export async function accessToken(force = false): Promise<string> {
  if (!session) throw new ApiError("Signed out", "UNAUTHENTICATED");
  const expiresSoon = Date.parse(session.accessTokenExpiresAt) - Date.now() < 30_000;
  if (!force && !expiresSoon) return session.accessToken;
  refreshing ??= (async () => {
    try {
      const data = await post(DashboardRefreshSessionDocument, { input: { refreshToken: session!.refreshToken } });
      const next = data.refreshSession!;
      saveSession({ accessToken: next.accessToken, accessTokenExpiresAt: String(next.accessTokenExpiresAt), refreshToken: next.refreshToken! });
      return next.accessToken;
    } catch (error) {
      if (error instanceof ApiError && error.code === "UNAUTHENTICATED") saveSession(null);
      throw error;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Runs an operation as the signed-in user; an expired token is refreshed and the call retried once. */
export async function request<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  try {
    return await post(document, variables, await accessToken());
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "UNAUTHENTICATED" || !session) throw error;
    return post(document, variables, await accessToken(true));
  }
}

export async function signIn(email: string, password: string) {
  const data = await post(DashboardLogInDocument, { input: { email, password } });
  const result = data.logIn!;
  saveSession({ accessToken: result.accessToken, accessTokenExpiresAt: String(result.accessTokenExpiresAt), refreshToken: result.refreshToken! });
}

export async function signOut() {
  const refreshToken = session?.refreshToken;
  saveSession(null);
  if (refreshToken) await post(DashboardLogOutDocument, { input: { refreshToken } }).catch(() => {});
}

/**
 * graphql-ws over /graphql. It reconnects forever with back-off; each (re)connection sends a
 * fresh token, and a subscription resumes by receiving current totals first.
 */
export function liveClient(onState: (state: "connecting" | "live") => void): Client {
  let rejected = false;
  return createClient({
    url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => session !== null,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** retries, 10_000) * (0.5 + Math.random() / 2))),
    connectionParams: async () => {
      const token = await accessToken(rejected);
      rejected = false;
      return { authorization: `Bearer ${token}` };
    },
    on: {
      connecting: () => onState("connecting"),
      connected: () => onState("live"),
      closed: (event) => {
        // 4401 (TOKEN_EXPIRED, PERMISSIONS_CHANGED) or 4403 (revoked, signed out): the next attempt
        // refreshes the token; a signed-out session fails to refresh and stops retrying.
        if ([4401, 4403].includes((event as CloseEvent).code)) rejected = true;
        onState("connecting");
      },
    },
  });
}

export { documentId };
