import { builder } from "../graphql/builder.js";
import type { Link as PrismaLink } from "../generated/prisma/client.js";
import { Link } from "../links/schema.js";
import { toPublicId } from "../platform/public-id.js";
import { DIMENSIONS, type BreakdownEntry } from "./click-breakdown.js";
import type { SeriesBucket } from "./click-series.js";
import type { ClickStats } from "./click-stats.js";
import type { ClickSummary } from "./click-summary.js";
import {
  linkClickBreakdown,
  linkClickSeries,
  linkClickStats,
  summaryUniqueVisitors,
  workspaceClickSummary,
  type WorkspaceClickSummary,
} from "./link-analytics.js";
import type { ClickCountUpdate } from "./live-counts.js";
import { analyticsLoaders } from "./loaders.js";
import { summaryClickBreakdown, summaryClickSeries } from "./workspace-analytics.js";
import { subscribeToClickCounts } from "./subscribe-click-counts.js";
import { GRANULARITIES } from "./time-buckets.js";

const ClickGranularity = builder.enumType("ClickGranularity", {
  description: "Calendar buckets in the requested time zone; weeks start on Monday.",
  values: GRANULARITIES,
});

const ClickDimension = builder.enumType("ClickDimension", {
  description:
    "REFERRER is the referring host (null: direct); COUNTRY comes from the trusted proxy (CLICK_COUNTRY_HEADER); RULE and VARIANT are the ids of the redirect rule and A/B variant that served the click (null: the link's own URL or deep link); SOURCE is qr for scanned QR codes, link for plain visits.",
  values: DIMENSIONS,
});

const ClickBucket = builder.objectRef<SeriesBucket>("ClickBucket").implement({
  fields: (t) => ({
    start: t.expose("start", { type: "DateTime" }),
    end: t.expose("end", { type: "DateTime", description: "Exclusive; a day is 23 or 25 hours long across a DST change." }),
    clicks: t.exposeInt("clicks"),
  }),
});

const ClickStatsRef = builder.objectRef<ClickStats>("ClickStats").implement({
  fields: (t) => ({
    clicks: t.exposeInt("clicks", { description: "Clicks that count (bots excluded unless the server counts them)." }),
    uniqueVisitors: t.exposeInt("uniqueVisitors", {
      description: "Distinct visitors among them. Visitor hashes rotate daily: one person on two days counts twice.",
    }),
    botClicks: t.exposeInt("botClicks", { description: "Clicks by crawlers and bots, stored flagged." }),
  }),
});

const ClickBreakdownEntry = builder.objectRef<BreakdownEntry>("ClickBreakdownEntry").implement({
  fields: (t) => ({
    value: t.exposeString("value", { nullable: true, description: "null: unknown (or, for REFERRER, a direct visit)." }),
    clicks: t.exposeInt("clicks"),
    uniqueVisitors: t.exposeInt("uniqueVisitors"),
  }),
});

builder.prismaObjectFields(Link, (t) => ({
  clickSeries: t.field({
    type: [ClickBucket],
    nullable: true,
    description:
      "Clicks per bucket over [from, to), from rounded down and to rounded up to whole buckets in `timezone`. Needs ANALYTICS_READ for API keys.",
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", description: "Exclusive; defaults to now." }),
      granularity: t.arg({ type: ClickGranularity, required: true, defaultValue: "HOUR" }),
      timezone: t.arg.string({ required: true, defaultValue: "UTC", description: "IANA name, e.g. Europe/Paris." }),
    },
    resolve: (link, args, context) => linkClickSeries(context.actor, analyticsLoaders(context), link, args),
  }),
  clickStats: t.field({
    type: ClickStatsRef,
    nullable: true,
    description: "Clicks, unique visitors and bot clicks over [from, to). Needs ANALYTICS_READ for API keys.",
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", description: "Exclusive; defaults to now." }),
    },
    resolve: (link, args, context) => linkClickStats(context.actor, analyticsLoaders(context), link, args),
  }),
  clickBreakdown: t.field({
    type: [ClickBreakdownEntry],
    nullable: true,
    description: "The most frequent values of one dimension over [from, to), most clicks first. Needs ANALYTICS_READ for API keys.",
    args: {
      by: t.arg({ type: ClickDimension, required: true }),
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", description: "Exclusive; defaults to now." }),
      first: t.arg.int({ required: true, defaultValue: 10, description: "1 to 100." }),
    },
    resolve: (link, args, context) => linkClickBreakdown(context.actor, analyticsLoaders(context), link, args),
  }),
}));

interface TopLinkRow {
  linkId: string;
  clicks: number;
  link: PrismaLink;
  summary: ClickSummary;
}

const TopLink = builder.objectRef<TopLinkRow>("TopLink").implement({
  fields: (t) => ({
    link: t.field({ type: Link, resolve: (top) => top.link }),
    clicks: t.exposeInt("clicks"),
    uniqueVisitors: t.int({
      resolve: async (top, _args, context) => (await analyticsLoaders(context).stats(top.linkId, top.summary)).uniqueVisitors,
    }),
  }),
});

const ClickSummaryRef = builder.objectRef<WorkspaceClickSummary>("ClickSummary").implement({
  description: "A workspace's clicks over a range (whole UTC hours).",
  fields: (t) => ({
    from: t.expose("from", { type: "DateTime" }),
    to: t.expose("to", { type: "DateTime" }),
    clicks: t.exposeInt("clicks"),
    linksClicked: t.exposeInt("linksClicked", { description: "Links with at least one click in the range." }),
    uniqueVisitors: t.int({
      description: "Distinct visitors across the workspace's links (daily-rotating hashes).",
      resolve: (summary, _args, context) => summaryUniqueVisitors(context.services, context.actor, summary),
    }),
    topLinks: t.field({ type: [TopLink], resolve: (summary) => summary.topLinkRows }),
    series: t.field({
      type: [ClickBucket],
      nullable: true,
      description: "The workspace's clicks per bucket over the summary's range, rounded out to whole buckets in `timezone`.",
      args: {
        granularity: t.arg({ type: ClickGranularity, required: true, defaultValue: "HOUR" }),
        timezone: t.arg.string({ required: true, defaultValue: "UTC", description: "IANA name, e.g. Europe/Paris." }),
      },
      resolve: (summary, args, context) => summaryClickSeries(context.services, context.actor, summary, args),
    }),
    breakdown: t.field({
      type: [ClickBreakdownEntry],
      nullable: true,
      description: "The most frequent values of one dimension across the workspace's links over the summary's range, most clicks first.",
      args: {
        by: t.arg({ type: ClickDimension, required: true }),
        first: t.arg.int({ required: true, defaultValue: 10, description: "1 to 50." }),
      },
      resolve: (summary, args, context) => summaryClickBreakdown(context.services, context.actor, summary, args),
    }),
  }),
});

builder.queryField("clickSummary", (t) =>
  t.field({
    type: ClickSummaryRef,
    nullable: true,
    description: "Clicks across the selected workspace's links over [from, to) and the most clicked ones. Needs ANALYTICS_READ for API keys.",
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", description: "Exclusive; defaults to now." }),
      first: t.arg.int({ required: true, defaultValue: 10, description: "How many top links, 1 to 50." }),
      workspaceId: t.arg.id({ description: "Overrides the X-Workspace-Id header." }),
    },
    resolve: (_root, args, context) =>
      workspaceClickSummary(context.services, context.actor, analyticsLoaders(context), { ...args, workspaceId: args.workspaceId?.toString() }),
  }),
);

const ClickCount = builder.objectRef<ClickCountUpdate>("ClickCount").implement({
  description: "A link's stored click total.",
  fields: (t) => ({
    linkId: t.id({ description: "The Link's global ID.", resolve: (update) => toPublicId("Link", update.linkId) }),
    total: t.exposeInt("total"),
  }),
});

builder.subscriptionField("clickCounts", (t) =>
  t.field({
    type: ClickCount,
    nullable: true,
    description:
      "Live click totals of up to 100 of your links: each link's current total first, then new totals as clicks are stored (at most a few per second per link, always ending on the true total). Needs ANALYTICS_READ for API keys.",
    args: { linkIds: t.arg.idList({ required: true }) },
    subscribe: (_root, args, context) => subscribeToClickCounts(context.services, context.actor, { linkIds: args.linkIds.map(String) }),
    resolve: (update) => update,
  }),
);
