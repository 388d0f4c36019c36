import { z } from "zod";
import type { Actor } from "../access/actor.js";
import type { Link } from "../generated/prisma/client.js";
import { publicId } from "../platform/public-id.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { DIMENSIONS } from "./click-breakdown.js";
import { clickSummary, workspaceUniqueVisitors, type ClickSummary } from "./click-summary.js";
import type { AnalyticsLoaders } from "./loaders.js";
import { summaryScope } from "./workspace-analytics.js";
import { bucketsFor, GRANULARITIES, parseRange, parseTimeZone } from "./time-buckets.js";

/**
 * The analytics use cases. Per-link reads take the link already loaded (a field of a Link the
 * actor could read) and the request's loaders, so a page of links costs one statement per
 * kind of read; each checks `analytics.read` in the link's workspace (memoized per actor).
 */
type LinkRef = Pick<Link, "id" | "workspaceId">;

const requireAnalytics = async (actor: Actor, workspaceId: string) => (await actor.access(workspaceId, "Link")).require("analytics.read");

const rangeSchema = z.object({ from: z.date(), to: z.date().nullish() });
const seriesSchema = rangeSchema.extend({ granularity: z.enum(GRANULARITIES), timezone: z.string().max(100) });

export async function linkClickSeries(actor: Actor, loaders: AnalyticsLoaders, link: LinkRef, input: z.input<typeof seriesSchema>) {
  await requireAnalytics(actor, link.workspaceId);
  const args = parseInput(seriesSchema, input);
  const { from, to } = parseRange(args.from, args.to ?? loaders.now);
  const timezone = parseTimeZone(args.timezone);
  const key = `${from.getTime()}:${to.getTime()}:${args.granularity}:${timezone}`;
  const buckets = loaders.buckets(key, () => bucketsFor(from, to, args.granularity, timezone));
  return loaders.series(link.id, buckets, key);
}

export async function linkClickStats(actor: Actor, loaders: AnalyticsLoaders, link: LinkRef, input: z.input<typeof rangeSchema>) {
  await requireAnalytics(actor, link.workspaceId);
  const args = parseInput(rangeSchema, input);
  return loaders.stats(link.id, parseRange(args.from, args.to ?? loaders.now));
}

const breakdownSchema = rangeSchema.extend({
  by: z.enum(DIMENSIONS),
  first: z.number().int().min(1, "must be between 1 and 100").max(100, "must be between 1 and 100"),
});

export async function linkClickBreakdown(actor: Actor, loaders: AnalyticsLoaders, link: LinkRef, input: z.input<typeof breakdownSchema>) {
  await requireAnalytics(actor, link.workspaceId);
  const args = parseInput(breakdownSchema, input);
  return loaders.breakdown(link.id, { by: args.by, ...parseRange(args.from, args.to ?? loaders.now), first: args.first });
}

const summarySchema = rangeSchema.extend({
  first: z.number().int().min(1, "must be between 1 and 50").max(50, "must be between 1 and 50"),
  workspaceId: publicId("Workspace").nullish(),
});

export type WorkspaceClickSummary = ClickSummary & { topLinkRows: Array<{ linkId: string; clicks: number; link: Link; summary: ClickSummary }> };

/** The selected workspace's clicks over a range and its most clicked links; `analytics.read`. */
export async function workspaceClickSummary(
  services: Pick<Services, "db" | "config">,
  actor: Actor,
  loaders: AnalyticsLoaders,
  input: z.input<typeof summarySchema>,
): Promise<WorkspaceClickSummary> {
  const args = parseInput(summarySchema, input);
  const scope = await summaryScope(actor, args.workspaceId, { from: args.from, to: args.to ?? loaders.now });
  const summary = await clickSummary(services, scope.workspaceId, { ...scope, first: args.first });
  const links = summary.topLinks.length ? await services.db.link.findMany({ where: { id: { in: summary.topLinks.map((top) => top.linkId) } } }) : [];
  const byId = new Map(links.map((link) => [link.id, link]));
  const topLinkRows = summary.topLinks.flatMap((top) => {
    const link = byId.get(top.linkId);
    return link ? [{ ...top, link, summary }] : [];
  });
  return { ...summary, topLinkRows };
}

/** Distinct visitors of a summary's workspace (computed only when asked for). */
export async function summaryUniqueVisitors(services: Pick<Services, "db" | "config">, actor: Actor, summary: ClickSummary) {
  await requireAnalytics(actor, summary.workspaceId);
  return workspaceUniqueVisitors(services, summary.workspaceId, summary);
}
