import { builder } from "../graphql/builder.js";
import { idOf } from "../graphql/global-id.js";
import { nodeScopes } from "../graphql/node-auth.js";
import { isAdmin, requireScope } from "../identity/viewer.js";
import { forbidden } from "../platform/errors.js";
import { redeliverWebhookDelivery, sendTestWebhookEvent } from "./deliveries.js";
import { WEBHOOK_EVENTS } from "./events.js";
import { createWebhook, deleteWebhook, rotateWebhookSecret, updateWebhook } from "./manage-webhooks.js";
import { visibleWebhooks } from "./visibility.js";

const WebhookEvent = builder.enumType("WebhookEvent", {
  description: "What a webhook hears; delivered as `type` link.created, link.updated, link.deleted, link.clicks.milestone.",
  values: WEBHOOK_EVENTS,
});

const WebhookDeliveryStatus = builder.enumType("WebhookDeliveryStatus", {
  values: {
    PENDING: { description: "Waiting for its next attempt, or being attempted (inFlight)." },
    DELIVERED: { description: "The endpoint answered 2xx." },
    FAILED: { description: "Given up: a 3xx/4xx answer (other than 429), a refused address, or every retry failed." },
  },
});

const WebhookDeliveryAttempt = builder.prismaObject("WebhookDeliveryAttempt", {
  fields: (t) => ({
    number: t.exposeInt("number"),
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "null: the worker stopped mid-attempt (it was retried)." }),
    responseStatus: t.exposeInt("responseStatus", { nullable: true }),
    latencyMs: t.exposeInt("latencyMs", { nullable: true }),
    error: t.exposeString("error", { nullable: true }),
    responseBody: t.exposeString("responseBody", { nullable: true, description: "The first 2 KiB of the answer." }),
  }),
});

const isInFlight = (delivery: { status: string; leaseExpiresAt: Date | null }) =>
  delivery.status === "PENDING" && delivery.leaseExpiresAt !== null && delivery.leaseExpiresAt.getTime() > Date.now();

nodeScopes("Webhook", { apiKeyScope: "WEBHOOKS_MANAGE" });
nodeScopes("WebhookDelivery", { apiKeyScope: "WEBHOOKS_MANAGE" });

export const WebhookDelivery = builder.prismaNode("WebhookDelivery", {
  id: { field: "id" },
  findUnique: (id, context) => ({ id, webhook: visibleWebhooks(context.viewer) }) as { id: string },
  fields: (t) => ({
    eventId: t.exposeString("eventId", { description: "The `webhook-id` header and body `id`; receivers dedupe by it." }),
    eventType: t.exposeString("eventType", { description: "The body's `type`, e.g. link.created." }),
    payload: t.exposeString("body", { description: "The JSON document POSTed." }),
    status: t.expose("status", { type: WebhookDeliveryStatus }),
    inFlight: t.boolean({ resolve: isInFlight }),
    attempts: t.exposeInt("attempts"),
    responseStatus: t.exposeInt("responseStatus", { nullable: true, description: "Of the latest attempt." }),
    latencyMs: t.exposeInt("latencyMs", { nullable: true, description: "Of the latest attempt." }),
    error: t.exposeString("lastError", { nullable: true, description: "Why the latest attempt failed." }),
    nextAttemptAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the next retry is due (PENDING only).",
      resolve: (delivery) => (delivery.status === "PENDING" && !isInFlight(delivery) ? delivery.nextAttemptAt : null),
    }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    attemptLog: t.relation("attemptLog", { description: "The latest attempts, newest first.", query: { orderBy: { number: "desc" }, take: 25 } }),
    webhook: t.relation("webhook"),
  }),
});

export const Webhook = builder.prismaNode("Webhook", {
  id: { field: "id" },
  findUnique: (id, context) => ({ id, ...visibleWebhooks(context.viewer) }) as { id: string },
  fields: (t) => ({
    url: t.exposeString("url"),
    description: t.exposeString("description", { nullable: true }),
    events: t.expose("events", { type: [WebhookEvent] }),
    enabled: t.exposeBoolean("enabled"),
    disabledAt: t.expose("disabledAt", { type: "DateTime", nullable: true }),
    disabledReason: t.exposeString("disabledReason", { nullable: true, description: "Why deliveries stopped, e.g. after repeated failures." }),
    consecutiveFailures: t.exposeInt("consecutiveFailures", { description: "Failed attempts in a row; any success resets it." }),
    previousSecretExpiresAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "Until then deliveries carry a second signature, made with the secret before the last rotation.",
      resolve: (webhook) => (webhook.previousSecretExpiresAt && webhook.previousSecretExpiresAt > new Date() ? webhook.previousSecretExpiresAt : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    owner: t.relation("owner"),
    deliveries: t.relatedConnection(
      "deliveries",
      {
        cursor: "id",
        description: "The delivery log, newest first.",
        args: { status: t.arg({ type: WebhookDeliveryStatus }) },
        query: (args) => ({ where: args.status ? { status: args.status } : {}, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
      },
      { name: "WebhookDeliveryConnection" },
      { name: "WebhookDeliveryEdge" },
    ),
  }),
});

builder.queryField("webhooks", (t) =>
  t.prismaConnection(
    {
      type: Webhook,
      cursor: "id",
      nullable: true,
      description: "Your webhooks, newest first.",
      args: { allOwners: t.arg.boolean({ description: "Admins only: every owner's webhooks." }) },
      resolve: (query, _root, args, context) => {
        const viewer = requireScope(context.viewer, "WEBHOOKS_MANAGE");
        if (args.allOwners && !isAdmin(viewer)) throw forbidden("Only admins can list every owner's webhooks");
        return context.services.db.webhook.findMany({
          ...query,
          where: args.allOwners ? {} : { ownerId: viewer.userId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "WebhookConnection" },
    { name: "WebhookEdge" },
  ),
);

const webhookPayload = {
  outputFields: (t: any) => ({ webhook: t.field({ type: Webhook, resolve: (payload: { webhook: unknown }) => payload.webhook }) }),
};
const webhookWithSecretPayload = {
  outputFields: (t: any) => ({
    webhook: t.field({ type: Webhook, resolve: (payload: { webhook: unknown }) => payload.webhook }),
    secret: t.string({
      description: "whsec_<base64>: verify deliveries with it (Standard Webhooks). Shown only now.",
      resolve: (payload: { secret: string }) => payload.secret,
    }),
  }),
};
const deliveryPayload = {
  outputFields: (t: any) => ({ delivery: t.field({ type: WebhookDelivery, resolve: (payload: { delivery: unknown }) => payload.delivery }) }),
};

builder.relayMutationField(
  "createWebhook",
  {
    inputFields: (t) => ({
      url: t.string({ required: true, description: "Where to POST events: https (http outside production), a public address." }),
      events: t.field({ type: [WebhookEvent], required: true }),
      description: t.string(),
    }),
  },
  {
    description: "Registers an endpoint for signed event deliveries. The signing secret is returned only here (and by rotateWebhookSecret).",
    resolve: (_root, { input }, context) => createWebhook(context.services, requireScope(context.viewer, "WEBHOOKS_MANAGE"), input),
  },
  webhookWithSecretPayload,
);

builder.relayMutationField(
  "updateWebhook",
  {
    inputFields: (t) => ({
      id: t.id({ required: true }),
      url: t.string(),
      events: t.field({ type: [WebhookEvent] }),
      description: t.string(),
      enabled: t.boolean({ description: "false stops deliveries (they wait); true resumes them and clears the failure streak." }),
    }),
  },
  {
    description: "Changes an endpoint; omitted fields stay as they are.",
    resolve: async (_root, { input: { id, ...changes } }, context) => {
      const viewer = requireScope(context.viewer, "WEBHOOKS_MANAGE");
      const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      return { webhook: await updateWebhook(context.services, viewer, idOf("Webhook", String(id)), fields) };
    },
  },
  webhookPayload,
);

builder.relayMutationField(
  "deleteWebhook",
  { inputFields: (t) => ({ id: t.id({ required: true }) }) },
  {
    description: "Deletes an endpoint and its delivery log; pending deliveries are dropped.",
    resolve: async (_root, { input }, context) => {
      await deleteWebhook(context.services, requireScope(context.viewer, "WEBHOOKS_MANAGE"), idOf("Webhook", String(input.id)));
      return { deletedId: String(input.id) };
    },
  },
  { outputFields: (t) => ({ deletedId: t.exposeID("deletedId") }) },
);

builder.relayMutationField(
  "rotateWebhookSecret",
  {
    inputFields: (t) => ({
      id: t.id({ required: true }),
      gracePeriodSeconds: t.int({ description: "How long the old secret keeps signing (0–604800); default WEBHOOK_SECRET_GRACE_SECONDS." }),
    }),
  },
  {
    description: "Issues a new signing secret; during the grace period deliveries are signed with both.",
    resolve: (_root, { input }, context) =>
      rotateWebhookSecret(context.services, requireScope(context.viewer, "WEBHOOKS_MANAGE"), idOf("Webhook", String(input.id)), input),
  },
  webhookWithSecretPayload,
);

builder.relayMutationField(
  "sendTestWebhookEvent",
  { inputFields: (t) => ({ id: t.id({ required: true, description: "The webhook." }) }) },
  {
    description: "Queues a `webhook.test` event to the endpoint.",
    resolve: async (_root, { input }, context) => ({
      delivery: await sendTestWebhookEvent(context.services, requireScope(context.viewer, "WEBHOOKS_MANAGE"), idOf("Webhook", String(input.id))),
    }),
  },
  deliveryPayload,
);

builder.relayMutationField(
  "redeliverWebhookDelivery",
  { inputFields: (t) => ({ id: t.id({ required: true, description: "The delivery." }) }) },
  {
    description: "Sends a delivery again now (same event id and body), with a fresh retry budget.",
    resolve: async (_root, { input }, context) => ({
      delivery: await redeliverWebhookDelivery(
        context.services,
        requireScope(context.viewer, "WEBHOOKS_MANAGE"),
        idOf("WebhookDelivery", String(input.id)),
      ),
    }),
  },
  deliveryPayload,
);
