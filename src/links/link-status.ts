import type { Link } from "../generated/prisma/client.js";
import { unavailability } from "./redirect-decision.js";

export const LINK_STATUSES = ["ACTIVE", "ARCHIVED", "EXPIRED", "EXHAUSTED"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** Whether a link redirects now, counting clicks not yet written (`uncommitted`): what GraphQL and REST both show. */
export function linkStatus(
  link: Pick<Link, "archivedAt" | "expiresAt" | "maxClicks" | "clickCount">,
  uncommitted: number,
  now = Date.now(),
): LinkStatus {
  const reason = unavailability(
    {
      archived: link.archivedAt !== null,
      expiresAt: link.expiresAt?.getTime() ?? null,
      maxClicks: link.maxClicks,
      clicks: link.clickCount + uncommitted,
    },
    now,
  );
  return reason === null ? "ACTIVE" : (reason.toUpperCase() as LinkStatus);
}
