import type { Actor } from "../access/actor.js";
import { Prisma } from "../generated/prisma/client.js";
import { hashPassword } from "../identity/passwords.js";
import { conflict } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { linkEvent } from "../webhooks/link-events.js";
import { enqueueWebhookEvents } from "../webhooks/outbox.js";
import { domainForLink } from "../domains/link-domain.js";
import { linkBaseUrl } from "../domains/short-url.js";
import { findLinkFor } from "./find-links.js";
import { linkCacheKey } from "./link-cache.js";
import { routingColumns, updateLinkSchema, type UpdateLinkInput } from "./link-input.js";
import { ownHosts } from "./own-hosts.js";

/** Changes a link: omitted fields stay, null clears an optional one; `links.write` in the link's workspace. */
export async function updateLink(services: Pick<Services, "db" | "config" | "linkCache" | "domains">, actor: Actor, input: UpdateLinkInput) {
  const { db, config, linkCache } = services;
  const {
    id,
    password,
    archived,
    domain: hostname,
    rules,
    deepLinks,
    preview,
    ...fields
  } = parseInput(updateLinkSchema(ownHosts(config), { countryHeader: config.clicks.countryHeader }), input);
  const existing = await findLinkFor(services, actor, { id }, "links.write");

  const { rules: ruleList, ...routing } = routingColumns({ rules, deepLinks, preview });
  const data: Prisma.LinkUncheckedUpdateInput = { ...fields, ...routing };
  if (hostname !== undefined) data.domainId = (await domainForLink(services, existing.workspaceId, hostname)).id;
  if (ruleList !== undefined) data.rules = ruleList === null ? Prisma.DbNull : (ruleList as unknown as Prisma.InputJsonValue);
  if (password !== undefined) data.passwordHash = password === null ? null : await hashPassword(password);
  if (archived !== undefined) data.archivedAt = archived ? (existing.archivedAt ?? new Date()) : null;

  try {
    const link = await db.$transaction(async (tx) => {
      const updated = await tx.link.update({ where: { id: existing.id }, data });
      await enqueueWebhookEvents(tx, [linkEvent("LINK_UPDATED", updated, linkBaseUrl(services, updated.domainId))]);
      return updated;
    });
    linkCache.invalidate(linkCacheKey(existing.domainId, existing.slug));
    if (link.slug !== existing.slug || link.domainId !== existing.domainId) linkCache.invalidate(linkCacheKey(link.domainId, link.slug));
    return link;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict(`The slug "${fields.slug ?? existing.slug}" is already taken on that domain`, { field: "slug" });
    }
    throw error;
  }
}
