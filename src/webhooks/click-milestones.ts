import type { Prisma } from "../generated/prisma/client.js";
import { linkSnapshot } from "./link-events.js";
import { enqueueWebhookEvents, type OutboxEvent } from "./outbox.js";

/** A link's stored click count moved from previousCount to clickCount in one write. */
export interface ClickCountChange {
  linkId: string;
  previousCount: number;
  clickCount: number;
}

export interface MilestoneSettings {
  publicBaseUrl: string;
  webhooks: { clickMilestones: readonly number[] };
}

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "link">;

/** The thresholds a change crossed: previousCount < milestone <= clickCount. */
export const crossedMilestones = (change: ClickCountChange, milestones: readonly number[]) =>
  milestones.filter((m) => change.previousCount < m && m <= change.clickCount);

/**
 * Queues `link.clicks.milestone` events for every configured threshold the changes crossed. Call it
 * in the transaction that writes the click counts (whoever writes them: the click counter today,
 * the analytics pipeline later). No statement at all when nothing crossed a threshold.
 */
export async function recordClickMilestones(tx: Tx, settings: MilestoneSettings, changes: readonly ClickCountChange[]): Promise<number> {
  const crossings = changes.flatMap((change) =>
    crossedMilestones(change, settings.webhooks.clickMilestones).map((milestone) => ({ change, milestone })),
  );
  if (crossings.length === 0) return 0;
  const links = await tx.link.findMany({ where: { id: { in: [...new Set(crossings.map((c) => c.change.linkId))] } } });
  const byId = new Map(links.map((link) => [link.id, link]));
  const events: OutboxEvent[] = [];
  for (const { change, milestone } of crossings) {
    const link = byId.get(change.linkId);
    if (!link) continue;
    events.push({
      workspaceId: link.workspaceId,
      event: "LINK_CLICKS_MILESTONE",
      data: { milestone, clickCount: change.clickCount, link: linkSnapshot(link, settings.publicBaseUrl) },
    });
  }
  return enqueueWebhookEvents(tx, events);
}
