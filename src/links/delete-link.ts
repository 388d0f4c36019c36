import { linkCacheKey } from "./link-cache.js";
import type { Actor } from "../access/actor.js";
import { deleteClicksOfLink } from "../analytics/delete-clicks.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { linkEvent } from "../webhooks/link-events.js";
import { enqueueWebhookEvents } from "../webhooks/outbox.js";
import { linkBaseUrl } from "../domains/short-url.js";
import { findLinkFor } from "./find-links.js";
import { deleteLinkSchema, type DeleteLinkInput } from "./link-input.js";

/** Deletes a link and its clicks; `links.write` in the link's workspace. */
export async function deleteLink(services: Pick<Services, "db" | "linkCache" | "config" | "domains">, actor: Actor, input: DeleteLinkInput) {
  const { db, linkCache } = services;
  const { id } = parseInput(deleteLinkSchema, input);
  const link = await findLinkFor(services, actor, { id }, "links.write");
  await db.$transaction(async (tx) => {
    // deleteMany: a concurrent delete makes this a no-op rather than an error, and no second event.
    const { count } = await tx.link.deleteMany({ where: { id: link.id } });
    if (count > 0) await enqueueWebhookEvents(tx, [linkEvent("LINK_DELETED", link, linkBaseUrl(services, link.domainId))]);
    if (count > 0) await deleteClicksOfLink(tx, link.id);
  });
  linkCache.invalidate(linkCacheKey(link.domainId, link.slug));
  return link;
}
