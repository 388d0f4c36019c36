import { builder } from "../graphql/builder.js";
import { Link } from "../links/schema.js";
import { instanceTopLinks, instanceTotals, type InstanceTotals } from "./instance-overview.js";

const InstanceOverview = builder.objectRef<InstanceTotals>("InstanceOverview").implement({
  description: "The whole instance at a glance (instance administrators only).",
  fields: (t) => ({
    users: t.exposeInt("users"),
    workspaces: t.exposeInt("workspaces"),
    links: t.exposeInt("links"),
    clicks: t.exposeFloat("clicks", { description: "Stored clicks of every link, all time (a Float: it may exceed 2^31)." }),
    topLinks: t.prismaField({
      type: [Link],
      description: "The most clicked links of every workspace, all time, most first (live totals: subscription clickCounts).",
      args: { first: t.arg.int({ required: true, defaultValue: 10, description: "1 to 50." }) },
      resolve: (query, _totals, args, context) => instanceTopLinks(context.services, context.actor, args, query),
    }),
  }),
});

builder.queryField("instanceOverview", (t) =>
  t.field({
    type: InstanceOverview,
    nullable: true,
    description:
      "Totals and top links across every workspace. Instance administrators only: FORBIDDEN for everyone else (UNAUTHENTICATED when anonymous).",
    resolve: (_root, _args, context) => instanceTotals(context.services, context.actor),
  }),
);
