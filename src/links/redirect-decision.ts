import type { CachedLink } from "./link-cache.js";

export type RedirectDecision =
  | { kind: "redirect"; status: number; location: string; countsAsClick: boolean }
  | { kind: "gone"; reason: Unavailability }
  | { kind: "password" };

export type Unavailability = "archived" | "expired" | "exhausted";

/** Why a link no longer redirects to its destination, or null while it does. */
export function unavailability(
  link: { archived: boolean; expiresAt: number | null; maxClicks: number | null; clicks: number },
  now: number,
): Unavailability | null {
  if (link.archived) return "archived";
  if (link.expiresAt !== null && link.expiresAt <= now) return "expired";
  if (link.maxClicks !== null && link.clicks >= link.maxClicks) return "exhausted";
  return null;
}

/** What a link answers right now: its own redirect, its fallback, 410, or a password prompt. */
export function decideRedirect(link: CachedLink, now: number): RedirectDecision {
  const unavailable = unavailability(link, now);
  if (unavailable) {
    return link.fallbackUrl
      ? { kind: "redirect", status: 302, location: link.fallbackUrl, countsAsClick: false }
      : { kind: "gone", reason: unavailable };
  }
  if (link.passwordHash) return { kind: "password" };
  return { kind: "redirect", status: link.status, location: link.url, countsAsClick: true };
}
