import { deleteClicksOfLink } from "../analytics/delete-clicks.js";
import type { Viewer } from "../identity/viewer.js";
import { notFound } from "../platform/errors.js";
import type { Services } from "../services.js";
import { linkEvent } from "../webhooks/link-events.js";
import { enqueueWebhookEvents } from "../webhooks/outbox.js";
import { visibleLinks } from "./visibility.js";

export async function deleteLink(services: Pick<Services, "db" | "linkCache" | "config">, viewer: Viewer, linkId: string) {
  const { db, linkCache, config } = services;
  const link = await db.link.findFirst({ where: { id: linkId, ...visibleLinks(viewer) } });
  if (!link) throw notFound("Link");
  await db.$transaction(async (tx) => {
    // deleteMany: a concurrent delete makes this a no-op rather than an error, and no second event.
    const { count } = await tx.link.deleteMany({ where: { id: link.id } });
    if (count > 0) await enqueueWebhookEvents(tx, [linkEvent("LINK_DELETED", link, config.publicBaseUrl)]);
    if (count > 0) await deleteClicksOfLink(tx, link.id);
  });
  linkCache.invalidate(link.slug);
  return link;
}
