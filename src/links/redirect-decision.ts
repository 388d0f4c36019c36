import type { LinkPreview } from "./link-routing.js";

export type RedirectDecision =
  | {
      kind: "redirect";
      status: number;
      location: string;
      countsAsClick: boolean;
      /** The rule (and A/B variant) that chose the destination; null for the link's own URL, its deep links or fallback. */
      ruleId: string | null;
      variantId: string | null;
    }
  | { kind: "gone"; reason: Unavailability }
  | { kind: "password" }
  /** A link-preview crawler: a page of Open Graph tags, not a click. */
  | { kind: "preview"; preview: LinkPreview };

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
