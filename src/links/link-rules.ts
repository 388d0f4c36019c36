import { z } from "zod";
import { text } from "../platform/text.js";
import { isLocalHost, normalizeHost } from "./own-hosts.js";

/** First path segments that belong to the service itself and can never be slugs. */
export const RESERVED_SLUGS = new Set([
  "graphql",
  "graphiql",
  "dashboard",
  "healthz",
  "readyz",
  "metrics",
  "auth",
  "api",
  "static",
  "assets",
  "favicon.ico",
  "robots.txt",
  "sitemap.xml",
  ".well-known",
  "admin",
  "login",
  "logout",
  "signup",
  "settings",
  "account",
  "docs",
  "help",
  "status",
  "www",
  "app",
  "webhooks",
  "_next",
]);

export const SLUG_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_URL_LENGTH = 2048;

export const isReservedSlug = (slug: string) => RESERVED_SLUGS.has(slug.toLowerCase());

/** Slugs are case-sensitive ("Promo" and "promo" are different links); reserved words are refused in any case. */
export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, "must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'")
  .refine((slug) => !isReservedSlug(slug), "is reserved");

/**
 * A destination URL: absolute http(s) with a host, no embedded credentials, at most 2048
 * characters, never on our own short domain however its host is spelled (that would redirect in a
 * loop), and never loopback or unspecified (this server, or the visitor's own machine).
 */
export function destinationUrlSchema(ownHosts: readonly string[]) {
  return text()
    .trim()
    .min(1, "is required")
    .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
    .transform((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: "custom", message: "must be an absolute URL" });
        return z.NEVER;
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        ctx.addIssue({ code: "custom", message: "must use http or https" });
        return z.NEVER;
      }
      if (!url.hostname) {
        ctx.addIssue({ code: "custom", message: "must have a host" });
        return z.NEVER;
      }
      if (url.username || url.password) {
        ctx.addIssue({ code: "custom", message: "must not contain credentials" });
        return z.NEVER;
      }
      const host = normalizeHost(url.hostname);
      if (ownHosts.includes(host)) {
        ctx.addIssue({ code: "custom", message: "must not point at this short-link service" });
        return z.NEVER;
      }
      if (isLocalHost(host)) {
        ctx.addIssue({ code: "custom", message: "must not point at a loopback or unspecified address (localhost, 127.0.0.0/8, ::1, 0.0.0.0)" });
        return z.NEVER;
      }
      return url.href;
    })
    .refine((href) => href.length <= MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`);
}
