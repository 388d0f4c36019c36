import { z } from "zod";
import type { Actor } from "../access/actor.js";
import { WEBHOOK_DELIVERY_STATUSES } from "./events.js";
import { conflict, notFound } from "../platform/errors.js";
import { paginate, pageArgsSchema } from "../platform/pagination.js";
import { publicId } from "../platform/public-id.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { eventBody, newEventId, TEST_EVENT_TYPE } from "./events.js";
import { findWebhookFor } from "./manage-webhooks.js";

type Deps = Pick<Services, "db">;

const requireEnabled = (webhook: { enabled: boolean }) => {
  if (!webhook.enabled) throw conflict("This webhook is disabled; enable it with updateWebhook first");
};

const webhookIdSchema = z.object({ id: publicId("Webhook") });

/** Queues a `webhook.test` event to one endpoint, whatever events it subscribes to; `webhooks.manage`. */
export async function sendTestWebhookEvent(deps: Deps, actor: Actor, input: z.input<typeof webhookIdSchema>) {
  const webhook = await findWebhookFor(deps, actor, parseInput(webhookIdSchema, input).id, "webhooks.manage");
  requireEnabled(webhook);
  const eventId = newEventId();
  const body = eventBody(eventId, TEST_EVENT_TYPE, { webhook: { url: webhook.url }, message: "A test event sent from Linkgraph." });
  return deps.db.webhookDelivery.create({ data: { webhookId: webhook.id, eventId, eventType: TEST_EVENT_TYPE, body } });
}

async function findDeliveryFor(deps: Deps, actor: Actor, id: string, permission: "webhooks.read" | "webhooks.manage") {
  actor.requireUser();
  const delivery = await deps.db.webhookDelivery.findUnique({ where: { id }, include: { webhook: true } });
  if (!delivery) throw notFound("Webhook delivery");
  (await actor.access(delivery.webhook.workspaceId, "Webhook delivery")).require(permission);
  return delivery;
}

export async function authorizeDeliveryRead(deps: Deps, actor: Actor, id: string) {
  await findDeliveryFor(deps, actor, id, "webhooks.read");
}

const deliveriesSchema = pageArgsSchema.extend({ status: z.enum(WEBHOOK_DELIVERY_STATUSES).nullish() });

/** A webhook's delivery log, newest first; `webhooks.read`. */
export async function listWebhookDeliveries(
  deps: Deps,
  actor: Actor,
  webhook: { id: string; workspaceId: string },
  input: z.input<typeof deliveriesSchema>,
) {
  const { status, ...page } = parseInput(deliveriesSchema, input);
  (await actor.access(webhook.workspaceId, "Webhook")).require("webhooks.read");
  return paginate(page, (keyset) =>
    deps.db.webhookDelivery.findMany({
      where: { AND: [{ webhookId: webhook.id }, status ? { status } : {}, keyset.where] },
      orderBy: keyset.orderBy,
      take: keyset.take,
    }),
  );
}

const deliveryIdSchema = z.object({ id: publicId("WebhookDelivery") });

/**
 * Sends a delivery again (same event id and body) with a fresh retry budget: a failed or
 * delivered one is queued now, a pending one is brought forward. One in flight is a CONFLICT.
 */
export async function redeliverWebhookDelivery(deps: Deps, actor: Actor, input: z.input<typeof deliveryIdSchema>) {
  const delivery = await findDeliveryFor(deps, actor, parseInput(deliveryIdSchema, input).id, "webhooks.manage");
  requireEnabled(delivery.webhook);
  const now = new Date();
  const { count } = await deps.db.webhookDelivery.updateMany({
    where: { id: delivery.id, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    data: { status: "PENDING", nextAttemptAt: now, attemptsBase: delivery.attempts, leasedBy: null, leaseExpiresAt: null },
  });
  if (count === 0) throw conflict("This delivery is being attempted right now; look again in a moment");
  return deps.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
}
