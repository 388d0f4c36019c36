import { z } from "zod";
import type { Actor } from "../access/actor.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { clickBreakdown, DIMENSIONS } from "./click-breakdown.js";
import { clickSeries } from "./click-series.js";
import { bucketsFor, GRANULARITIES, parseRange, parseTimeZone } from "./time-buckets.js";

/** What a workspace summary covers: the workspace and whole UTC hours around the asked range. */
export interface SummaryScope {
  workspaceId: string;
  from: Date;
  to: Date;
}

const HOUR_MS = 3_600_000;

/**
 * The one way to a workspace's analytics: the given workspace (else the actor's selected one),
 * `analytics.read` there (API keys need ANALYTICS_READ), the range widened to whole UTC hours.
 */
export async function summaryScope(actor: Actor, workspaceId: string | null | undefined, asked: { from: Date; to: Date }): Promise<SummaryScope> {
  const access = await actor.access(workspaceId);
  access.require("analytics.read");
  const range = parseRange(asked.from, asked.to);
  return {
    workspaceId: access.workspaceId,
    from: new Date(Math.floor(range.from.getTime() / HOUR_MS) * HOUR_MS),
    to: new Date(Math.ceil(range.to.getTime() / HOUR_MS) * HOUR_MS),
  };
}

// As summaryUniqueVisitors: a summary's fields check again (memoized per actor), not trusting how the scope was made.
const requireAnalytics = async (actor: Actor, workspaceId: string) => (await actor.access(workspaceId)).require("analytics.read");

const seriesSchema = z.object({ granularity: z.enum(GRANULARITIES), timezone: z.string().max(100) });

/** The workspace's clicks per calendar bucket over the summary's range (rounded out to whole buckets). */
export async function summaryClickSeries(
  services: Pick<Services, "db" | "config">,
  actor: Actor,
  scope: SummaryScope,
  input: z.input<typeof seriesSchema>,
) {
  await requireAnalytics(actor, scope.workspaceId);
  const args = parseInput(seriesSchema, input);
  const buckets = bucketsFor(scope.from, scope.to, args.granularity, parseTimeZone(args.timezone));
  const series = await clickSeries(services, { workspaceId: scope.workspaceId }, buckets);
  return series.get(scope.workspaceId)!;
}

const breakdownSchema = z.object({
  by: z.enum(DIMENSIONS),
  first: z.number().int().min(1, "must be between 1 and 50").max(50, "must be between 1 and 50"),
});

/** The most frequent values of one dimension across the workspace's links, with exact unique visitors. */
export async function summaryClickBreakdown(
  services: Pick<Services, "db" | "config">,
  actor: Actor,
  scope: SummaryScope,
  input: z.input<typeof breakdownSchema>,
) {
  await requireAnalytics(actor, scope.workspaceId);
  const args = parseInput(breakdownSchema, input);
  const breakdown = await clickBreakdown(services, { workspaceId: scope.workspaceId }, { ...args, from: scope.from, to: scope.to });
  return breakdown.get(scope.workspaceId)!;
}
