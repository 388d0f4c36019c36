import type { Actor } from "../access/actor.js";
import type { Prisma } from "../generated/prisma/client.js";
import { hashPassword } from "../identity/passwords.js";
import { notFound } from "../platform/errors.js";
import { withIdempotencyKey } from "../platform/idempotency.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { linkEvent } from "../webhooks/link-events.js";
import { enqueueWebhookEvents } from "../webhooks/outbox.js";
import { insertLink } from "./insert-link.js";
import { createLinkSchema, routingColumns, type CreateLinkInput } from "./link-input.js";
import { ownHosts } from "./own-hosts.js";

/** Creates a link in the input's workspace (or the selected one); `links.write`. */
export async function createLink(
  services: Pick<Services, "db" | "config" | "linkCache">,
  actor: Actor,
  input: CreateLinkInput,
  options: { idempotencyKey?: string } = {},
) {
  const { db, config, linkCache } = services;
  const { slug, password, workspaceId, rules, deepLinks, preview, ...fields } = parseInput(
    createLinkSchema(ownHosts(config), { countryHeader: config.clicks.countryHeader }),
    input,
  );
  const { rules: ruleList, ...routing } = routingColumns({ rules, deepLinks, preview });
  const access = await actor.access(workspaceId);
  access.require("links.write");
  const userId = actor.requireUser();
  const data = {
    ...fields,
    ...routing,
    ...(ruleList ? { rules: ruleList as unknown as Prisma.InputJsonValue } : {}),
    ownerId: userId,
    workspaceId: access.workspaceId,
    tags: fields.tags ?? [],
    redirectType: fields.redirectType ?? "FOUND",
    passwordHash: password ? await hashPassword(password) : null,
  };

  // The link.created event commits (or not) with the link itself: webhooks never miss one.
  const insertAndAnnounce = async (tx: Prisma.TransactionClient) => {
    const link = await insertLink(tx, data, slug);
    await enqueueWebhookEvents(tx, [linkEvent("LINK_CREATED", link, config.publicBaseUrl)]);
    return link;
  };
  if (!options.idempotencyKey) {
    const link = await db.$transaction(insertAndAnnounce);
    linkCache.invalidate(link.slug);
    return link;
  }
  const { id, replayed } = await withIdempotencyKey(
    db,
    { userId, operation: "createLink", key: options.idempotencyKey, request: input },
    insertAndAnnounce,
  );
  const link = await db.link.findUnique({ where: { id } });
  if (!link) throw notFound("The link created with this Idempotency-Key no longer exists; link");
  if (!replayed) linkCache.invalidate(link.slug);
  return link;
}
