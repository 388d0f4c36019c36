import { toPublicId } from "../platform/public-id.js";
import type { Link } from "../generated/prisma/client.js";
import type { WebhookEvent } from "../generated/prisma/enums.js";
import type { OutboxEvent } from "./outbox.js";

/** A link as partners receive it: the fields of the GraphQL Link type, with its global ID. */
export function linkSnapshot(link: Link, publicBaseUrl: string) {
  return {
    id: toPublicId("Link", link.id),
    slug: link.slug,
    url: link.url,
    shortUrl: `${publicBaseUrl}/${link.slug}`,
    title: link.title,
    tags: link.tags,
    redirectType: link.redirectType,
    expiresAt: link.expiresAt,
    maxClicks: link.maxClicks,
    fallbackUrl: link.fallbackUrl,
    hasPassword: link.passwordHash !== null,
    archivedAt: link.archivedAt,
    clickCount: link.clickCount,
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
  };
}

export const linkEvent = (
  event: Extract<WebhookEvent, "LINK_CREATED" | "LINK_UPDATED" | "LINK_DELETED">,
  link: Link,
  publicBaseUrl: string,
): OutboxEvent => ({
  workspaceId: link.workspaceId,
  event,
  data: { link: linkSnapshot(link, publicBaseUrl) },
});
