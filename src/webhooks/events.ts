import type { WebhookEvent } from "../generated/prisma/enums.js";

export const WEBHOOK_EVENTS = [
  "LINK_CREATED",
  "LINK_UPDATED",
  "LINK_DELETED",
  "LINK_CLICKS_MILESTONE",
  "WORKSPACE_MEMBER_INVITED",
] as const satisfies readonly WebhookEvent[];

/** The `type` each event is delivered as. */
export const EVENT_TYPES: Record<WebhookEvent, string> = {
  LINK_CREATED: "link.created",
  LINK_UPDATED: "link.updated",
  LINK_DELETED: "link.deleted",
  LINK_CLICKS_MILESTONE: "link.clicks.milestone",
  WORKSPACE_MEMBER_INVITED: "workspace.member.invited",
};

/** Sent by sendTestWebhookEvent to one endpoint, whatever it subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";

/** The `webhook-id` of an event: the same for every attempt and every endpoint it goes to. */
export const newEventId = () => `msg_${crypto.randomUUID().replaceAll("-", "")}`;

/** The JSON document POSTed: `{ id, type, createdAt, data }`. */
export const eventBody = (id: string, type: string, data: unknown, createdAt = new Date()) =>
  JSON.stringify({ id, type, createdAt: createdAt.toISOString(), data });

export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
