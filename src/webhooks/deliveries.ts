import type { Viewer } from "../identity/viewer.js";
import { conflict, notFound } from "../platform/errors.js";
import type { Services } from "../services.js";
import { eventBody, newEventId, TEST_EVENT_TYPE } from "./events.js";
import { findWebhookOrThrow } from "./manage-webhooks.js";
import { visibleWebhooks } from "./visibility.js";

type Deps = Pick<Services, "db">;

const requireEnabled = (webhook: { enabled: boolean }) => {
  if (!webhook.enabled) throw conflict("This webhook is disabled; enable it with updateWebhook first");
};

/** Queues a `webhook.test` event to one endpoint, whatever events it subscribes to. */
export async function sendTestWebhookEvent(deps: Deps, viewer: Viewer, webhookId: string) {
  const webhook = await findWebhookOrThrow(deps, viewer, webhookId);
  requireEnabled(webhook);
  const eventId = newEventId();
  const body = eventBody(eventId, TEST_EVENT_TYPE, { webhook: { url: webhook.url }, message: "A test event sent from Linkgraph." });
  return deps.db.webhookDelivery.create({ data: { webhookId: webhook.id, eventId, eventType: TEST_EVENT_TYPE, body } });
}

/**
 * Sends a delivery again (same event id and body) with a fresh retry budget: a failed or
 * delivered one is queued now, a pending one is brought forward. One in flight is a CONFLICT.
 */
export async function redeliverWebhookDelivery(deps: Deps, viewer: Viewer, deliveryId: string) {
  const delivery = await deps.db.webhookDelivery.findFirst({ where: { id: deliveryId, webhook: visibleWebhooks(viewer) }, include: { webhook: true } });
  if (!delivery) throw notFound("Webhook delivery");
  requireEnabled(delivery.webhook);
  const now = new Date();
  const { count } = await deps.db.webhookDelivery.updateMany({
    where: { id: delivery.id, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    data: { status: "PENDING", nextAttemptAt: now, attemptsBase: delivery.attempts, leasedBy: null, leaseExpiresAt: null },
  });
  if (count === 0) throw conflict("This delivery is being attempted right now; look again in a moment");
  return deps.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
}
