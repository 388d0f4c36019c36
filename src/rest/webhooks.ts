import { z } from "zod";
import type { Webhook, WebhookDelivery } from "../generated/prisma/client.js";
import { fromPublicId, toPublicId } from "../platform/public-id.js";
import { listWebhookDeliveries, redeliverWebhookDelivery, sendTestWebhookEvent } from "../webhooks/deliveries.js";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from "../webhooks/events.js";
import { createWebhook, deleteWebhook, findWebhookFor, listWebhooks, rotateWebhookSecret, updateWebhook } from "../webhooks/manage-webhooks.js";
import { createWebhookSchema, rotateSecretSchema, updateWebhookSchema } from "../webhooks/webhook-input.js";
import { operation, type RestContext } from "./operation.js";
import { dateTime, idParam, iso, pageBody, pageOf, pageQuery } from "./schemas.js";

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    workspaceId: z.string(),
    createdAt: dateTime,
  })
  .meta({ id: "Webhook" });

const WebhookWithSecretSchema = z
  .object({
    webhook: WebhookSchema,
    secret: z.string().meta({ description: "whsec_…: shown here and on rotation only; verify signatures with it." }),
  })
  .meta({ id: "WebhookWithSecret" });

const DeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: dateTime.nullable(),
    deliveredAt: dateTime.nullable(),
    createdAt: dateTime,
  })
  .meta({ id: "WebhookDelivery" });

export const webhookJson = (webhook: Webhook) => ({
  id: toPublicId("Webhook", webhook.id),
  url: webhook.url,
  description: webhook.description,
  events: webhook.events,
  enabled: webhook.enabled,
  disabledReason: webhook.disabledReason,
  workspaceId: toPublicId("Workspace", webhook.workspaceId),
  createdAt: webhook.createdAt.toISOString(),
});

const deliveryJson = (delivery: WebhookDelivery) => ({
  id: toPublicId("WebhookDelivery", delivery.id),
  eventId: delivery.eventId,
  eventType: delivery.eventType,
  status: delivery.status,
  attempts: delivery.attempts,
  responseStatus: delivery.responseStatus,
  lastError: delivery.lastError,
  nextAttemptAt: iso(delivery.nextAttemptAt),
  deliveredAt: iso(delivery.deliveredAt),
  createdAt: delivery.createdAt.toISOString(),
});

const webhookId = idParam("The webhook's id.");
const noHosts = { isProduction: false, webhookAllowedHosts: [] };
const readWebhook = (context: RestContext<unknown>, permission: "webhooks.read" | "webhooks.manage" = "webhooks.read") =>
  findWebhookFor(context.services, context.actor, fromPublicId("Webhook", context.params.id!, "id"), permission);
const currentWebhook = async (context: RestContext<unknown>) => webhookJson(await readWebhook(context));
const withSecret = (result: { webhook: Webhook; secret: string }) => ({ webhook: webhookJson(result.webhook), secret: result.secret });

export const webhookOperations = [
  operation({
    method: "GET",
    path: "/webhooks",
    operationId: "listWebhooks",
    summary: "List webhooks",
    tag: "Webhooks",
    permission: "webhooks.read",
    paginated: true,
    query: pageQuery,
    success: { status: 200, description: "One page of the selected workspace's webhooks.", schema: pageOf(WebhookSchema, "WebhookPage") },
    handle: async (context) => ({ status: 200, body: pageBody(await listWebhooks(context.services, context.actor, context.query), webhookJson) }),
  }),
  operation({
    method: "POST",
    path: "/webhooks",
    operationId: "createWebhook",
    summary: "Register a webhook endpoint",
    tag: "Webhooks",
    permission: "webhooks.manage",
    body: createWebhookSchema(noHosts).meta({ id: "CreateWebhookInput" }),
    bodyExample: { url: "https://hooks.example.com/linkgraph", events: ["LINK_CREATED", "LINK_CLICKS_MILESTONE"] },
    success: { status: 201, description: "The webhook and its signing secret.", schema: WebhookWithSecretSchema },
    async handle(context) {
      const result = await createWebhook(context.services, context.actor, context.body as Parameters<typeof createWebhook>[2]);
      return {
        status: 201,
        body: withSecret(result),
        headers: { location: `${context.apiUrl}/webhooks/${toPublicId("Webhook", result.webhook.id)}` },
      };
    },
  }),
  operation({
    method: "GET",
    path: "/webhooks/{id}",
    operationId: "getWebhook",
    summary: "Get a webhook",
    tag: "Webhooks",
    permission: "webhooks.read",
    pathParams: webhookId,
    success: { status: 200, description: "The webhook.", schema: WebhookSchema },
    handle: async (context) => ({ status: 200, body: await currentWebhook(context) }),
  }),
  operation({
    method: "PATCH",
    path: "/webhooks/{id}",
    operationId: "updateWebhook",
    summary: "Update a webhook",
    description: "Enabling it clears why it was disabled and lets its pending deliveries go out.",
    tag: "Webhooks",
    permission: "webhooks.manage",
    pathParams: webhookId,
    body: updateWebhookSchema(noHosts).meta({ id: "UpdateWebhookInput" }),
    bodyExample: { enabled: true },
    current: currentWebhook,
    success: { status: 200, description: "The updated webhook.", schema: WebhookSchema },
    async handle(context) {
      const input = { ...(context.body as object), id: context.params.id! } as Parameters<typeof updateWebhook>[2];
      return { status: 200, body: webhookJson(await updateWebhook(context.services, context.actor, input)) };
    },
  }),
  operation({
    method: "DELETE",
    path: "/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Delete a webhook",
    tag: "Webhooks",
    permission: "webhooks.manage",
    pathParams: webhookId,
    current: currentWebhook,
    success: { status: 204, description: "Deleted." },
    async handle(context) {
      await deleteWebhook(context.services, context.actor, { id: context.params.id! });
      return { status: 204 };
    },
  }),
  operation({
    method: "POST",
    path: "/webhooks/{id}/rotate-secret",
    operationId: "rotateWebhookSecret",
    summary: "Issue a new signing secret",
    description: "The previous secret keeps signing (a second signature) for the grace period.",
    tag: "Webhooks",
    permission: "webhooks.manage",
    pathParams: webhookId,
    body: rotateSecretSchema,
    bodyExample: { gracePeriodSeconds: 86400 },
    success: { status: 200, description: "The webhook and its new secret.", schema: WebhookWithSecretSchema },
    async handle(context) {
      const { gracePeriodSeconds } = (context.body ?? {}) as { gracePeriodSeconds?: number | null };
      return {
        status: 200,
        body: withSecret(await rotateWebhookSecret(context.services, context.actor, { id: context.params.id!, gracePeriodSeconds })),
      };
    },
  }),
  operation({
    method: "POST",
    path: "/webhooks/{id}/test",
    operationId: "sendTestWebhookEvent",
    summary: "Send a webhook.test event",
    tag: "Webhooks",
    permission: "webhooks.manage",
    pathParams: webhookId,
    success: { status: 202, description: "Queued; follow it in the deliveries.", schema: DeliverySchema },
    handle: async (context) => ({
      status: 202,
      body: deliveryJson(await sendTestWebhookEvent(context.services, context.actor, { id: context.params.id! })),
    }),
  }),
  operation({
    method: "GET",
    path: "/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "A webhook's delivery log",
    tag: "Webhooks",
    permission: "webhooks.read",
    paginated: true,
    pathParams: webhookId,
    query: pageQuery.extend({ status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional() }),
    success: { status: 200, description: "Deliveries, newest first.", schema: pageOf(DeliverySchema, "WebhookDeliveryPage") },
    async handle(context) {
      const webhook = await readWebhook(context);
      return { status: 200, body: pageBody(await listWebhookDeliveries(context.services, context.actor, webhook, context.query), deliveryJson) };
    },
  }),
  operation({
    method: "POST",
    path: "/webhook-deliveries/{id}/redeliver",
    operationId: "redeliverWebhookDelivery",
    summary: "Send a delivery again",
    tag: "Webhooks",
    permission: "webhooks.manage",
    pathParams: idParam("The delivery's id."),
    success: { status: 202, description: "Queued again with a fresh retry budget.", schema: DeliverySchema },
    handle: async (context) => ({
      status: 202,
      body: deliveryJson(await redeliverWebhookDelivery(context.services, context.actor, { id: context.params.id! })),
    }),
  }),
];
