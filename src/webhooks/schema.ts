import { builder } from "../graphql/builder.js";
import { nodeAuthorizer } from "../graphql/node-auth.js";
import { objectPayload, payload } from "../graphql/payload.js";
import { authorizeDeliveryRead, listWebhookDeliveries, redeliverWebhookDelivery, sendTestWebhookEvent } from "./deliveries.js";
import { WEBHOOK_EVENTS } from "./events.js";
import { authorizeWebhookRead, createWebhook, deleteWebhook, listWebhooks, rotateWebhookSecret, updateWebhook } from "./manage-webhooks.js";

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

builder.prismaObject("WebhookDeliveryAttempt", {
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

nodeAuthorizer("Webhook", (context, id) => authorizeWebhookRead(context.services, context.actor, id));
nodeAuthorizer("WebhookDelivery", (context, id) => authorizeDeliveryRead(context.services, context.actor, id));

export const WebhookDelivery = builder.prismaNode("WebhookDelivery", {
  id: { field: "id" },
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
      resolve: (webhook) =>
        webhook.previousSecretExpiresAt && webhook.previousSecretExpiresAt > new Date() ? webhook.previousSecretExpiresAt : null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    owner: t.relation("owner", { description: "Who created it: it delivers only while they are a member of its workspace." }),
    workspace: t.relation("workspace"),
    deliveries: t.connection(
      {
        type: WebhookDelivery,
        description: "The delivery log, newest first.",
        args: { status: t.arg({ type: WebhookDeliveryStatus }) },
        resolve: (webhook, args, context) => listWebhookDeliveries(context.services, context.actor, webhook, args),
      },
      { name: "WebhookDeliveryConnection" },
      { name: "WebhookDeliveryEdge" },
    ),
  }),
});

builder.queryField("webhooks", (t) =>
  t.connection(
    {
      type: Webhook,
      nullable: true,
      description: "The selected workspace's webhooks, newest first.",
      args: {
        allOwners: t.arg.boolean({ description: "Instance admins only: every workspace's webhooks." }),
        workspaceId: t.arg.id({ description: "Overrides the X-Workspace-Id header." }),
      },
      resolve: (_root, args, context) => listWebhooks(context.services, context.actor, { ...args, workspaceId: args.workspaceId?.toString() }),
    },
    { name: "WebhookConnection" },
    { name: "WebhookEdge" },
  ),
);

const webhookPayload = objectPayload("webhook", Webhook);
const webhookWithSecretPayload = payload<{ webhook: unknown; secret: string }>((t) => ({
  webhook: t.field({ type: Webhook, resolve: (result) => result.webhook as never }),
  secret: t.exposeString("secret", { description: "whsec_<base64>: verify deliveries with it (Standard Webhooks). Shown only now." }),
}));
const deliveryPayload = objectPayload("delivery", WebhookDelivery);

builder.relayMutationField(
  "createWebhook",
  {
    inputFields: (t) => ({
      workspaceId: t.id({ description: "Whose events it hears; default the X-Workspace-Id header, else your personal workspace." }),
      url: t.string({ required: true, description: "Where to POST events: https (http outside production), a public address." }),
      events: t.field({ type: [WebhookEvent], required: true }),
      description: t.string(),
    }),
  },
  {
    description: "Registers an endpoint for signed event deliveries. The signing secret is returned only here (and by rotateWebhookSecret).",
    resolve: (_root, { input }, context) => createWebhook(context.services, context.actor, { ...input, workspaceId: input.workspaceId?.toString() }),
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
      const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      return { webhook: await updateWebhook(context.services, context.actor, { ...fields, id: String(id) }) };
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
      await deleteWebhook(context.services, context.actor, { id: String(input.id) });
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
    resolve: (_root, { input }, context) => rotateWebhookSecret(context.services, context.actor, { ...input, id: String(input.id) }),
  },
  webhookWithSecretPayload,
);

builder.relayMutationField(
  "sendTestWebhookEvent",
  { inputFields: (t) => ({ id: t.id({ required: true, description: "The webhook." }) }) },
  {
    description: "Queues a `webhook.test` event to the endpoint.",
    resolve: async (_root, { input }, context) => ({
      delivery: await sendTestWebhookEvent(context.services, context.actor, { id: String(input.id) }),
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
      delivery: await redeliverWebhookDelivery(context.services, context.actor, { id: String(input.id) }),
    }),
  },
  deliveryPayload,
);
