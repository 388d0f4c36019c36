import { z } from "zod";
import type { Actor } from "../access/actor.js";
import type { WorkspaceRole } from "../access/permissions.js";
import { notFound } from "../platform/errors.js";
import { fromPublicId } from "../platform/public-id.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import type { ClickCountUpdate } from "./live-counts.js";

export const MAX_LIVE_LINKS = 100;

const subscribeSchema = z.object({
  linkIds: z
    .array(z.string())
    .min(1, `must name between 1 and ${MAX_LIVE_LINKS} links`)
    .max(MAX_LIVE_LINKS, `must name between 1 and ${MAX_LIVE_LINKS} links`),
});

/**
 * Live totals of links the actor may read (`analytics.read` in each link's workspace): their
 * current stored totals first, then each new total as batches are written anywhere (coalesced per
 * link). Updates carry database ids: the edge encodes them. The subscription ends when the actor's
 * membership of one of the workspaces changes (services.liveCredentials).
 */
export async function subscribeToClickCounts(
  services: Pick<Services, "db" | "liveCounts" | "liveCredentials">,
  actor: Actor,
  input: z.input<typeof subscribeSchema>,
): Promise<AsyncIterableIterator<ClickCountUpdate>> {
  const userId = actor.requireUser();
  const ids = [...new Set(parseInput(subscribeSchema, input).linkIds.map((id) => fromPublicId("Link", id, "linkIds")))];
  const links = await services.db.link.findMany({ where: { id: { in: ids } }, select: { id: true, workspaceId: true } });
  if (links.length !== ids.length) throw notFound("Link");
  const workspaceIds = [...new Set(links.map((link) => link.workspaceId))];
  const memberships = new Map<string, WorkspaceRole>();
  for (const workspaceId of workspaceIds) {
    const access = await actor.access(workspaceId, "Link");
    access.require("analytics.read");
    if (!access.viaInstanceAdmin) memberships.set(workspaceId, access.role);
  }
  const totals = () =>
    services.db.link
      .findMany({ where: { id: { in: ids } }, select: { id: true, clickCount: true } })
      .then((rows) => rows.map((link) => ({ linkId: link.id, total: link.clickCount })));
  const updates = services.liveCounts.subscribe(ids, totals);
  return services.liveCredentials.follow(updates, { userId, memberships });
}
