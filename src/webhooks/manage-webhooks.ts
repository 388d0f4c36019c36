import { z } from "zod";
import type { Actor } from "../access/actor.js";
import type { Permission } from "../access/permissions.js";
import type { Prisma } from "../generated/prisma/client.js";
import { conflict, forbidden, notFound } from "../platform/errors.js";
import { paginate, pageArgsSchema } from "../platform/pagination.js";
import { publicId } from "../platform/public-id.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { generateWebhookSecret } from "./signing.js";
import { createWebhookSchema, rotateSecretSchema, updateWebhookSchema, type CreateWebhookInput, type UpdateWebhookInput } from "./webhook-input.js";

/** Fan-out per event is bounded: each endpoint costs a delivery per event. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 25;

type Deps = Pick<Services, "db" | "config">;

/** Registers an endpoint of a workspace (`webhooks.manage`). The secret is returned here and on rotation only. */
export async function createWebhook({ db, config }: Deps, actor: Actor, input: CreateWebhookInput & { workspaceId?: string | null }) {
  const { workspaceId, ...rest } = parseInput(workspaceIdSchema, input);
  const fields = parseInput(createWebhookSchema(config), rest);
  const access = await actor.access(workspaceId);
  access.require("webhooks.manage");
  const count = await db.webhook.count({ where: { workspaceId: access.workspaceId } });
  if (count >= MAX_WEBHOOKS_PER_WORKSPACE) throw conflict(`This workspace already has ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks; delete one first`);
  const secret = generateWebhookSecret();
  const webhook = await db.webhook.create({ data: { ...fields, ownerId: actor.requireUser(), workspaceId: access.workspaceId, secret } });
  return { webhook, secret };
}

// Loose: the other fields are createWebhookSchema's to check.
const workspaceIdSchema = z.looseObject({ workspaceId: publicId("Workspace").nullish() });
const listWebhooksSchema = pageArgsSchema.extend({ workspaceId: publicId("Workspace").nullish(), allOwners: z.boolean().nullish() });

/** The workspace's webhooks (instance admins: every workspace's with allOwners), newest first; `webhooks.read`. */
export async function listWebhooks({ db }: Pick<Services, "db">, actor: Actor, input: z.input<typeof listWebhooksSchema>) {
  const { workspaceId, allOwners, ...page } = parseInput(listWebhooksSchema, input);
  const access = await actor.access(workspaceId);
  access.require("webhooks.read");
  if (allOwners && !(await actor.isInstanceAdmin())) throw forbidden("Only instance admins can list every workspace's webhooks");
  return paginate(page, (keyset) =>
    db.webhook.findMany({
      where: { AND: [allOwners ? {} : { workspaceId: access.workspaceId }, keyset.where] },
      orderBy: keyset.orderBy,
      take: keyset.take,
    }),
  );
}

/** A webhook the actor may act on with `permission`; NOT_FOUND outside their workspaces. */
export async function findWebhookFor({ db }: Pick<Services, "db">, actor: Actor, id: string, permission: Permission) {
  actor.requireUser();
  const webhook = await db.webhook.findUnique({ where: { id } });
  if (!webhook) throw notFound("Webhook");
  (await actor.access(webhook.workspaceId, "Webhook")).require(permission);
  return webhook;
}

export async function authorizeWebhookRead(deps: Pick<Services, "db">, actor: Actor, id: string) {
  await findWebhookFor(deps, actor, id, "webhooks.read");
}

const idSchema = z.object({ id: publicId("Webhook") });

/**
 * Changes an endpoint. Enabling it clears why it was disabled and its failure streak, and lets
 * the deliveries it still has pending go out; disabling keeps them pending until it is enabled.
 */
export async function updateWebhook(deps: Deps, actor: Actor, input: UpdateWebhookInput & { id: string }) {
  const { id, ...rest } = input;
  const { enabled, ...fields } = parseInput(updateWebhookSchema(deps.config), rest);
  const existing = await findWebhookFor(deps, actor, parseInput(idSchema, { id }).id, "webhooks.manage");
  const data: Prisma.WebhookUpdateInput = { ...fields };
  if (enabled === true && !existing.enabled) {
    Object.assign(data, { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0, failingSince: null });
  } else if (enabled === false && existing.enabled) {
    Object.assign(data, { enabled: false, disabledAt: new Date(), disabledReason: "Disabled by its owner" });
  }
  return deps.db.webhook.update({ where: { id: existing.id }, data });
}

export async function deleteWebhook(deps: Deps, actor: Actor, input: z.input<typeof idSchema>) {
  const webhook = await findWebhookFor(deps, actor, parseInput(idSchema, input).id, "webhooks.manage");
  await deps.db.webhook.delete({ where: { id: webhook.id } });
  return webhook;
}

/**
 * Issues a new secret. The previous one keeps signing (a second `v1,` signature) for the grace
 * period, so receivers can switch without dropping a delivery; rotating again replaces it.
 */
export async function rotateWebhookSecret(deps: Deps, actor: Actor, input: { id: string; gracePeriodSeconds?: number | null }) {
  const { gracePeriodSeconds } = parseInput(rotateSecretSchema, { gracePeriodSeconds: input.gracePeriodSeconds });
  const existing = await findWebhookFor(deps, actor, parseInput(idSchema, { id: input.id }).id, "webhooks.manage");
  const graceMs = (gracePeriodSeconds ?? deps.config.webhooks.secretGraceSeconds) * 1000;
  const secret = generateWebhookSecret();
  const webhook = await deps.db.webhook.update({
    where: { id: existing.id },
    data: {
      secret,
      previousSecret: graceMs > 0 ? existing.secret : null,
      previousSecretExpiresAt: graceMs > 0 ? new Date(Date.now() + graceMs) : null,
    },
  });
  return { webhook, secret };
}
