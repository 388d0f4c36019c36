import type { Viewer } from "../identity/viewer.js";
import { conflict, notFound } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import type { Prisma } from "../generated/prisma/client.js";
import { generateWebhookSecret } from "./signing.js";
import { personalWorkspaceId } from "../workspaces/personal-workspace.js";
import { visibleWebhooks } from "./visibility.js";
import { createWebhookSchema, rotateSecretSchema, updateWebhookSchema, type CreateWebhookInput, type UpdateWebhookInput } from "./webhook-input.js";

/** Fan-out per event is bounded: each endpoint costs a delivery per event. */
export const MAX_WEBHOOKS_PER_USER = 25;

type Deps = Pick<Services, "db" | "config">;

/** Registers an endpoint. The secret is returned here and on rotation only. */
export async function createWebhook({ db, config }: Deps, viewer: Viewer, input: CreateWebhookInput) {
  const fields = parseInput(createWebhookSchema(config), input);
  const count = await db.webhook.count({ where: { ownerId: viewer.userId } });
  if (count >= MAX_WEBHOOKS_PER_USER) throw conflict(`You already have ${MAX_WEBHOOKS_PER_USER} webhooks; delete one first`);
  const secret = generateWebhookSecret();
  const webhook = await db.webhook.create({ data: { ...fields, ownerId: viewer.userId, workspaceId: await personalWorkspaceId(db, viewer.userId), secret } });
  return { webhook, secret };
}

export async function findWebhookOrThrow({ db }: Pick<Services, "db">, viewer: Viewer, id: string) {
  const webhook = await db.webhook.findFirst({ where: { id, ...visibleWebhooks(viewer) } });
  if (!webhook) throw notFound("Webhook");
  return webhook;
}

/**
 * Changes an endpoint. Enabling it clears why it was disabled and its failure streak, and lets
 * the deliveries it still has pending go out; disabling keeps them pending until it is enabled.
 */
export async function updateWebhook(deps: Deps, viewer: Viewer, id: string, input: UpdateWebhookInput) {
  const { enabled, ...fields } = parseInput(updateWebhookSchema(deps.config), input);
  const existing = await findWebhookOrThrow(deps, viewer, id);
  const data: Prisma.WebhookUpdateInput = { ...fields };
  if (enabled === true && !existing.enabled) {
    Object.assign(data, { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0, failingSince: null });
  } else if (enabled === false && existing.enabled) {
    Object.assign(data, { enabled: false, disabledAt: new Date(), disabledReason: "Disabled by its owner" });
  }
  return deps.db.webhook.update({ where: { id: existing.id }, data });
}

export async function deleteWebhook(deps: Deps, viewer: Viewer, id: string) {
  const webhook = await findWebhookOrThrow(deps, viewer, id);
  await deps.db.webhook.delete({ where: { id: webhook.id } });
  return webhook;
}

/**
 * Issues a new secret. The previous one keeps signing (a second `v1,` signature) for the grace
 * period, so receivers can switch without dropping a delivery; rotating again replaces it.
 */
export async function rotateWebhookSecret(deps: Deps, viewer: Viewer, id: string, input: { gracePeriodSeconds?: number | null }) {
  const { gracePeriodSeconds } = parseInput(rotateSecretSchema, input);
  const existing = await findWebhookOrThrow(deps, viewer, id);
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
