// The signed-in session. The refresh token lives in an httpOnly cookie (refreshTokenDelivery
// COOKIE) that scripts cannot read; the short-lived access token lives only in memory. On load,
// `refreshSession(input: {})` turns the cookie (after a password sign-in or a provider round trip)
// into an access token; it is refreshed before it expires. Refreshes are serialised across tabs
// (Web Locks) and their result shared (BroadcastChannel): refresh tokens rotate, and presenting a
// used one ends the whole sign-in.
import { createStore } from "../lib/store";
import { ApiError, send } from "./client";
import * as ops from "./operations";
import type { Operation, Role } from "./operations";
import { describeSignInError } from "./sign-in-errors";
import { workspaceHeaders } from "./workspace-selection";

export interface User {
  id: string;
  email: string;
  role: Role;
}

export type SessionState =
  | { status: "loading" }
  | { status: "signedOut"; notice?: { text: string; tone: "info" | "error" } }
  | { status: "signedIn"; user: User; accessToken: string; expiresAt: number };

interface SessionPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  user: User;
}

export const session = createStore<SessionState>({ status: "loading" });

const ENDED = "Your session has ended (it expired, or you signed out elsewhere). Sign in again to continue.";
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("linkgraph-session") : null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<string> | null = null;

channel?.addEventListener("message", (event: MessageEvent<{ type: "session"; payload: SessionPayload } | { type: "ended"; text: string }>) => {
  if (event.data.type === "session") adopt(event.data.payload, false);
  else end({ text: event.data.text, tone: "info" }, false);
});

function adopt(payload: SessionPayload, broadcast = true) {
  const expiresAt = Date.parse(payload.accessTokenExpiresAt);
  session.set({ status: "signedIn", user: payload.user, accessToken: payload.accessToken, expiresAt });
  scheduleRefresh(expiresAt);
  if (broadcast) channel?.postMessage({ type: "session", payload });
}

function end(notice?: { text: string; tone: "info" | "error" }, broadcast = true) {
  clearTimeout(refreshTimer);
  session.set({ status: "signedOut", notice });
  if (broadcast && notice) channel?.postMessage({ type: "ended", text: notice.text });
}

/** Refresh a little before expiry: a fifth of the remaining lifetime, between 5 s and 60 s early. */
function scheduleRefresh(expiresAt: number, delay?: number) {
  clearTimeout(refreshTimer);
  const remaining = expiresAt - Date.now();
  const wait = delay ?? remaining - Math.min(60_000, Math.max(5_000, remaining / 5));
  refreshTimer = setTimeout(() => void refresh().catch(() => {}), Math.max(0, wait));
}

const withLock = <T>(work: () => Promise<T>): Promise<T> =>
  typeof navigator !== "undefined" && navigator.locks ? (navigator.locks.request("linkgraph-session-refresh", work) as Promise<T>) : work();

/** A new access token from the refresh cookie; ends the session (saying `endNotice`) when the cookie no longer works. */
export function refresh(endNotice = ENDED): Promise<string> {
  const before = current()?.accessToken;
  inflight ??= withLock(async () => {
    // Another tab may have refreshed while this one waited for the lock.
    const now = current();
    if (now && now.accessToken !== before && now.expiresAt - Date.now() > 30_000) return now.accessToken;
    try {
      const { refreshSession } = await send(ops.RefreshSession, { input: { refreshTokenDelivery: "COOKIE" } });
      adopt(refreshSession!);
      return refreshSession!.accessToken;
    } catch (error) {
      if (error instanceof ApiError && (error.code === "NETWORK" || error.code === "RATE_LIMITED")) {
        // Keep the session; try again shortly (the access token may still be good).
        if (now) scheduleRefresh(now.expiresAt, 5_000);
      } else if (now) {
        end({ text: endNotice, tone: "info" });
      }
      throw error;
    }
  }).finally(() => {
    inflight = null;
  });
  return inflight;
}

const current = () => {
  const state = session.get();
  return state.status === "signedIn" ? state : null;
};

/** An access token good for at least 10 more seconds. */
export async function accessToken(): Promise<string> {
  const state = current();
  if (!state) throw new ApiError("You are signed out.", "UNAUTHENTICATED");
  return state.expiresAt - Date.now() > 10_000 ? state.accessToken : refresh();
}

/** Runs an operation as the signed-in user in the selected workspace; a refused token is refreshed once and the call retried. */
export async function request<R, V>(operation: Operation<R, V>, variables: V, extraHeaders?: Record<string, string>): Promise<R> {
  const headers = { ...workspaceHeaders(), ...extraHeaders };
  try {
    return await send(operation, variables, { token: await accessToken(), headers });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "UNAUTHENTICATED" || !current()) throw error;
    return send(operation, variables, { token: await refresh(), headers });
  }
}

/** On load: the `?error=` of a failed provider round trip, or the session the refresh cookie holds. */
export async function startSession(): Promise<void> {
  const url = new URL(location.href);
  const error = url.searchParams.get("error");
  if (error !== null) {
    url.searchParams.delete("error");
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }
  try {
    await withLock(async () => {
      const { refreshSession } = await send(ops.RefreshSession, { input: { refreshTokenDelivery: "COOKIE" } });
      adopt(refreshSession!, false);
    });
  } catch (failure) {
    // No cookie, or one that no longer works: signed out, saying why a provider sign-in failed, if one did.
    const network = failure instanceof ApiError && failure.code === "NETWORK";
    const notice = error !== null ? describeSignInError(error) : network ? failure.message : undefined;
    end(notice ? { text: notice, tone: "error" } : undefined, false);
  }
}

export async function signIn(email: string, password: string) {
  const { logIn } = await send(ops.LogIn, { input: { email, password, refreshTokenDelivery: "COOKIE" } });
  adopt(logIn!);
}

export async function signUp(email: string, password: string) {
  const { signUp } = await send(ops.SignUp, { input: { email, password, refreshTokenDelivery: "COOKIE" } });
  adopt(signUp!);
}

export async function changePassword(currentPassword: string, newPassword: string) {
  const { changePassword } = await request(ops.ChangePassword, { input: { currentPassword, newPassword, refreshTokenDelivery: "COOKIE" } });
  adopt(changePassword!);
}

/** Signs out here (the refresh cookie's session) or everywhere (every session of the account). */
export async function signOut(everywhere = false) {
  const token = current()?.accessToken;
  try {
    await send(ops.LogOut, { input: everywhere ? { everywhere: true } : {} }, { token });
  } finally {
    end({ text: everywhere ? "You signed out on every device." : "You signed out.", tone: "info" });
  }
}

/** A live connection was closed because its credential ended: a fresh token, or the session ends saying why. */
export function tokenAfterCredentialEnded(): Promise<string> {
  return refresh("Live updates stopped because your session ended (signed out elsewhere, or the password changed). Sign in again to continue.");
}
