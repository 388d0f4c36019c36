import type { Actor } from "../access/actor.js";
import type { Prisma } from "../generated/prisma/client.js";
import { hashPassword } from "../identity/passwords.js";
import { notFound } from "../platform/errors.js";
import { withIdempotencyKey } from "../platform/idempotency.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { linkEvent } from "../webhooks/link-events.js";
import { enqueueWebhookEvents } from "../webhooks/outbox.js";
import { domainForLink } from "../domains/link-domain.js";
import { linkBaseUrl } from "../domains/short-url.js";
import { insertLink } from "./insert-link.js";
import { linkCacheKey } from "./link-cache.js";
import { createLinkSchema, routingColumns, type CreateLinkInput } from "./link-input.js";
import { ownHosts } from "./own-hosts.js";

/** Creates a link in the input's workspace (or the selected one); `links.write`. */
export async function createLink(
  services: Pick<Services, "db" | "config" | "linkCache" | "domains">,
  actor: Actor,
  input: CreateLinkInput,
  options: { idempotencyKey?: string } = {},
) {
  const { db, config, linkCache } = services;
  const {
    slug,
    password,
    workspaceId,
    domain: hostname,
    rules,
    deepLinks,
    preview,
    ...fields
  } = parseInput(createLinkSchema(ownHosts(config), { countryHeader: config.clicks.countryHeader }), input);
  const { rules: ruleList, ...routing } = routingColumns({ rules, deepLinks, preview });
  const access = await actor.access(workspaceId);
  access.require("links.write");
  const userId = actor.requireUser();
  const domain = await domainForLink(services, access.workspaceId, hostname);
  const data = {
    ...fields,
    ...routing,
    ...(ruleList ? { rules: ruleList as unknown as Prisma.InputJsonValue } : {}),
    ownerId: userId,
    workspaceId: access.workspaceId,
    domainId: domain.id,
    tags: fields.tags ?? [],
    redirectType: fields.redirectType ?? domain.defaultRedirectType,
    passwordHash: password ? await hashPassword(password) : null,
  };

  // The link.created event commits (or not) with the link itself: webhooks never miss one.
  const insertAndAnnounce = async (tx: Prisma.TransactionClient) => {
    const link = await insertLink(tx, data, slug);
    await enqueueWebhookEvents(tx, [linkEvent("LINK_CREATED", link, linkBaseUrl(services, link.domainId))]);
    return link;
  };
  if (!options.idempotencyKey) {
    const link = await db.$transaction(insertAndAnnounce);
    linkCache.invalidate(linkCacheKey(link.domainId, link.slug));
    return link;
  }
  const { id, replayed } = await withIdempotencyKey(
    db,
    { userId, operation: "createLink", key: options.idempotencyKey, request: input },
    insertAndAnnounce,
  );
  const link = await db.link.findUnique({ where: { id } });
  if (!link) throw notFound("The link created with this Idempotency-Key no longer exists; link");
  if (!replayed) linkCache.invalidate(linkCacheKey(link.domainId, link.slug));
  return link;
}
