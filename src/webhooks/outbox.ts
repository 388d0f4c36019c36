import type { Prisma } from "../generated/prisma/client.js";
import type { WebhookEvent } from "../generated/prisma/enums.js";
import { EVENT_TYPES, eventBody, newEventId } from "./events.js";

export interface OutboxEvent {
  /** Whose webhooks hear it: the workspace of the object it is about. */
  workspaceId: string;
  event: WebhookEvent;
  data: unknown;
}

type Writer = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Writes events to the outbox: one delivery per enabled webhook of the workspace subscribed to the
 * event, while the webhook's creator is still a member (a webhook never hears beyond its creator). Call it with the transaction that makes the change, so the change and its events commit
 * or vanish together. One statement, and no rows when nobody listens.
 */
export async function enqueueWebhookEvents(tx: Writer, events: readonly OutboxEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const now = new Date();
  const rows = events.map((e) => {
    const id = newEventId();
    return { workspaceId: e.workspaceId, event: e.event, id, type: EVENT_TYPES[e.event], body: eventBody(id, EVENT_TYPES[e.event], e.data, now) };
  });
  return tx.$executeRaw`
    INSERT INTO "WebhookDelivery" (id, "webhookId", "eventId", "eventType", body)
    SELECT gen_random_uuid(), w.id, e.event_id, e.type, e.body
    FROM unnest(${rows.map((r) => r.workspaceId)}::uuid[], ${rows.map((r) => r.event)}::text[], ${rows.map((r) => r.id)}::text[],
                ${rows.map((r) => r.type)}::text[], ${rows.map((r) => r.body)}::text[]) AS e(workspace_id, event, event_id, type, body)
    JOIN "Webhook" w ON w."workspaceId" = e.workspace_id AND w.enabled AND e.event::"WebhookEvent" = ANY(w.events)
    JOIN "Membership" m ON m."workspaceId" = w."workspaceId" AND m."userId" = w."ownerId"`;
}
