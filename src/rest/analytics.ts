import { z } from "zod";
import { DIMENSIONS } from "../analytics/click-breakdown.js";
import { linkClickBreakdown, linkClickSeries, linkClickStats, summaryUniqueVisitors, workspaceClickSummary } from "../analytics/link-analytics.js";
import { analyticsLoaders } from "../analytics/loaders.js";
import { summaryClickBreakdown, summaryClickSeries, summaryScope } from "../analytics/workspace-analytics.js";
import { GRANULARITIES } from "../analytics/time-buckets.js";
import { findLinkFor } from "../links/find-links.js";
import { fromPublicId, toPublicId } from "../platform/public-id.js";
import { operation, type RestContext } from "./operation.js";
import { dateTime, idParam, withDates } from "./schemas.js";

/** The same parameters as GraphQL's Link.clickStats / clickSeries / clickBreakdown and clickSummary. */
const range = z.object({
  from: dateTime.meta({ description: "Start of the range (ISO 8601)." }),
  to: dateTime.optional().meta({ description: "Exclusive end; default now." }),
});

const StatsSchema = z.object({ clicks: z.number().int(), uniqueVisitors: z.number().int(), botClicks: z.number().int() }).meta({ id: "ClickStats" });
const SeriesSchema = z
  .object({ buckets: z.array(z.object({ start: dateTime, end: dateTime, clicks: z.number().int() })) })
  .meta({ id: "ClickSeries" });
const BreakdownSchema = z
  .object({
    by: z.enum(DIMENSIONS),
    entries: z.array(z.object({ value: z.string().nullable(), clicks: z.number().int(), uniqueVisitors: z.number().int() })),
  })
  .meta({ id: "ClickBreakdown" });
const SummarySchema = z
  .object({
    from: dateTime,
    to: dateTime,
    clicks: z.number().int(),
    uniqueVisitors: z.number().int(),
    linksClicked: z.number().int(),
    topLinks: z.array(z.object({ linkId: z.string(), slug: z.string(), clicks: z.number().int() })),
  })
  .meta({ id: "ClickSummary" });

const linkId = idParam("The link's id.");
// A link the caller may read; the analytics use case then checks analytics.read in its workspace.
const linkOf = (context: RestContext<unknown>) =>
  findLinkFor(context.services, context.actor, { id: fromPublicId("Link", context.params.id!, "id") }, "links.read", {
    select: { id: true, workspaceId: true },
  } as never);
const dates = (query: object) => withDates(query, ["from", "to"]) as { from: Date; to: Date | undefined };
// The selected workspace (X-Workspace-Id) over whole UTC hours, as GET /analytics/summary sums it.
const workspaceOf = (context: RestContext<unknown>) => {
  const { from, to } = dates(context.query as object);
  return summaryScope(context.actor, undefined, { from, to: to ?? analyticsLoaders(context).now });
};
const seriesQuery = range.extend({
  granularity: z.enum(GRANULARITIES).default("HOUR"),
  timezone: z.string().max(100).default("UTC").meta({ description: "IANA name, e.g. Europe/Paris." }),
});
const bucketsBody = (buckets: Array<{ start: Date; end: Date; clicks: number }>) => ({
  buckets: buckets.map((bucket) => ({ start: bucket.start.toISOString(), end: bucket.end.toISOString(), clicks: bucket.clicks })),
});

export const analyticsOperations = [
  operation({
    method: "GET",
    path: "/links/{id}/analytics/stats",
    operationId: "getLinkClickStats",
    summary: "Clicks and unique visitors of a link over a range",
    tag: "Analytics",
    permission: "analytics.read",
    pathParams: linkId,
    query: range,
    success: { status: 200, description: "Totals over [from, to).", schema: StatsSchema, example: { clicks: 120, uniqueVisitors: 87, botClicks: 4 } },
    async handle(context) {
      const link = await linkOf(context);
      return { status: 200, body: await linkClickStats(context.actor, analyticsLoaders(context), link, dates(context.query)) };
    },
  }),
  operation({
    method: "GET",
    path: "/links/{id}/analytics/series",
    operationId: "getLinkClickSeries",
    summary: "Clicks of a link per time bucket",
    tag: "Analytics",
    permission: "analytics.read",
    pathParams: linkId,
    query: seriesQuery,
    success: { status: 200, description: "Buckets over [from, to) in the time zone.", schema: SeriesSchema },
    async handle(context) {
      const link = await linkOf(context);
      const buckets = await linkClickSeries(context.actor, analyticsLoaders(context), link, { ...context.query, ...dates(context.query) });
      return { status: 200, body: bucketsBody(buckets) };
    },
  }),
  operation({
    method: "GET",
    path: "/links/{id}/analytics/breakdown",
    operationId: "getLinkClickBreakdown",
    summary: "Top values of one dimension (referrer, country, device, browser, OS)",
    tag: "Analytics",
    permission: "analytics.read",
    pathParams: linkId,
    query: range.extend({ by: z.enum(DIMENSIONS), first: z.coerce.number().int().default(10).meta({ description: "1 to 100." }) }),
    success: { status: 200, description: "Entries, most clicked first.", schema: BreakdownSchema },
    async handle(context) {
      const link = await linkOf(context);
      const entries = await linkClickBreakdown(context.actor, analyticsLoaders(context), link, { ...context.query, ...dates(context.query) });
      return { status: 200, body: { by: context.query.by, entries } };
    },
  }),
  operation({
    method: "GET",
    path: "/analytics/summary",
    operationId: "getClickSummary",
    summary: "The selected workspace's clicks and its most clicked links",
    tag: "Analytics",
    permission: "analytics.read",
    query: range.extend({ first: z.coerce.number().int().default(10).meta({ description: "How many top links, 1 to 50." }) }),
    success: { status: 200, description: "Totals over whole UTC hours covering [from, to).", schema: SummarySchema },
    async handle(context) {
      const summary = await workspaceClickSummary(context.services, context.actor, analyticsLoaders(context), {
        ...context.query,
        ...dates(context.query),
      });
      const body = {
        from: summary.from.toISOString(),
        to: summary.to.toISOString(),
        clicks: summary.clicks,
        uniqueVisitors: await summaryUniqueVisitors(context.services, context.actor, summary),
        linksClicked: summary.linksClicked,
        topLinks: summary.topLinkRows.map((row) => ({ linkId: toPublicId("Link", row.linkId), slug: row.link.slug, clicks: row.clicks })),
      };
      return { status: 200, body };
    },
  }),
  operation({
    method: "GET",
    path: "/analytics/summary/series",
    operationId: "getClickSummarySeries",
    summary: "The selected workspace's clicks per time bucket",
    tag: "Analytics",
    permission: "analytics.read",
    query: seriesQuery,
    success: {
      status: 200,
      description: "Buckets over the whole UTC hours covering [from, to), rounded out to whole buckets in the time zone.",
      schema: SeriesSchema,
    },
    async handle(context) {
      const scope = await workspaceOf(context);
      const buckets = await summaryClickSeries(context.services, context.actor, scope, {
        granularity: context.query.granularity,
        timezone: context.query.timezone,
      });
      return { status: 200, body: bucketsBody(buckets) };
    },
  }),
  operation({
    method: "GET",
    path: "/analytics/summary/breakdown",
    operationId: "getClickSummaryBreakdown",
    summary: "Top values of one dimension across the selected workspace's links",
    tag: "Analytics",
    permission: "analytics.read",
    query: range.extend({ by: z.enum(DIMENSIONS), first: z.coerce.number().int().default(10).meta({ description: "1 to 50." }) }),
    success: { status: 200, description: "Entries over the whole UTC hours covering [from, to), most clicked first.", schema: BreakdownSchema },
    async handle(context) {
      const scope = await workspaceOf(context);
      const entries = await summaryClickBreakdown(context.services, context.actor, scope, { by: context.query.by, first: context.query.first });
      return { status: 200, body: { by: context.query.by, entries } };
    },
  }),
];
