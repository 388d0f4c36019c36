import type { Plugin } from "graphql-yoga";
import type { Config } from "../config.js";
import { forbidden } from "../platform/errors.js";
import type { Session } from "./sessions.js";

/**
 * Web clients may keep the refresh token in an httpOnly cookie, out of reach of scripts, instead
 * of the JSON field. It is sent to /graphql only, Secure whenever the service is on https, and
 * SameSite (REFRESH_COOKIE_SAME_SITE, strict by default) so other sites cannot use it.
 */
export type RefreshTokenDelivery = "BODY" | "COOKIE";

type CookieConfig = Pick<Config, "publicBaseUrl" | "refreshTokenTtlDays" | "refreshCookieSameSite">;
/** What these helpers need of a request's context (GraphQL's, or any other edge's). */
type RequestScope = { request: Request; services: { config: CookieConfig & Pick<Config, "refreshCookieOrigins"> } };

const isHttps = (config: CookieConfig) => config.publicBaseUrl.startsWith("https://");
// Browsers accept Secure cookies from http://localhost too (a secure context), so development keeps the flag.
const isSecure = (config: CookieConfig) =>
  isHttps(config) || config.refreshCookieSameSite === "none" || ["localhost", "127.0.0.1", "[::1]"].includes(new URL(config.publicBaseUrl).hostname);
/** `__Secure-` makes browsers refuse the cookie unless it was set over https with Secure. */
export const refreshCookieName = (config: CookieConfig) => (isHttps(config) ? "__Secure-lg_refresh" : "lg_refresh");

function refreshCookie(config: CookieConfig, value: string, maxAgeSeconds: number) {
  const sameSite = config.refreshCookieSameSite[0]!.toUpperCase() + config.refreshCookieSameSite.slice(1);
  const attributes = [`${refreshCookieName(config)}=${value}`, "Path=/graphql", "HttpOnly", `SameSite=${sameSite}`, `Max-Age=${maxAgeSeconds}`];
  if (isSecure(config)) attributes.push("Secure");
  return attributes.join("; ");
}

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || undefined;
  }
  return undefined;
}

// Set-Cookie values queued by resolvers for their request's response.
const queued = new WeakMap<Request, string[]>();

function queueCookie(request: Request, cookie: string) {
  const list = queued.get(request) ?? [];
  list.push(cookie);
  queued.set(request, list);
}

/** Writes the cookies resolvers queued onto the HTTP response. */
export function useQueuedCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const cookie of queued.get(request) ?? []) response.headers.append("set-cookie", cookie);
    },
  };
}

/**
 * The refresh token the client sent: the input field wins over the cookie. The cookie counts
 * only from our own pages (or REFRESH_COOKIE_ORIGINS): CORS lets any site call /graphql with
 * credentials, and SameSite does not separate sibling subdomains, so the Origin is checked too.
 */
export function presentedRefreshToken(context: RequestScope, fromInput: string | null | undefined) {
  if (fromInput) return { token: fromInput, from: "BODY" as const };
  const { config } = context.services;
  const fromCookie = readCookie(context.request.headers.get("cookie"), refreshCookieName(config));
  if (!fromCookie) return undefined;
  const origin = context.request.headers.get("origin");
  if (origin !== null && origin !== new URL(config.publicBaseUrl).origin && !config.refreshCookieOrigins.includes(origin)) {
    throw forbidden(`The refresh cookie cannot be used from ${origin}`);
  }
  return { token: fromCookie, from: "COOKIE" as const };
}

/** Hands a session to the client: with COOKIE, the refresh token goes into the cookie and the field is null. */
export function deliverSession(context: RequestScope, session: Session, delivery: RefreshTokenDelivery) {
  if (delivery === "BODY") return session;
  const { config } = context.services;
  queueCookie(context.request, refreshCookie(config, session.refreshToken, config.refreshTokenTtlDays * 86_400));
  return { ...session, refreshToken: null };
}

export function clearRefreshCookie(context: RequestScope) {
  queueCookie(context.request, refreshCookie(context.services.config, "", 0));
}

/** For the web sign-in redirect, which is not a GraphQL response. */
export const refreshCookieHeader = (config: CookieConfig, token: string) => refreshCookie(config, token, config.refreshTokenTtlDays * 86_400);
