import type { Services } from "../services.js";

export interface ClickSummary {
  /** The range actually summed: from rounded down and to rounded up to whole UTC hours. */
  from: Date;
  to: Date;
  clicks: number;
  /** Links with at least one click in the range. */
  linksClicked: number;
  topLinks: Array<{ linkId: string; clicks: number }>;
  workspaceId: string;
}

const HOUR_MS = 3_600_000;

/** A workspace's clicks over a range and its most clicked links, from the hourly rollups in one statement. */
export async function clickSummary(
  services: Pick<Services, "db" | "config">,
  workspaceId: string,
  query: { from: Date; to: Date; first: number },
): Promise<ClickSummary> {
  const from = new Date(Math.floor(query.from.getTime() / HOUR_MS) * HOUR_MS);
  const to = new Date(Math.ceil(query.to.getTime() / HOUR_MS) * HOUR_MS);
  const clicks = services.config.clicks.countBots ? `r.clicks + r."botClicks"` : "r.clicks";
  const rows = await services.db.$queryRawUnsafe<Array<{ linkId: string | null; clicks: number; total: number; links: number }>>(
    `WITH per_link AS (
       SELECT r."linkId", sum(${clicks})::int AS clicks
       FROM "ClickRollup" r
       WHERE r."workspaceId" = $1::uuid AND r.hour >= $2::timestamptz AND r.hour < $3::timestamptz
       GROUP BY 1 HAVING sum(${clicks}) > 0
     ), top AS (
       SELECT "linkId"::text AS "linkId", clicks FROM per_link ORDER BY clicks DESC, "linkId" LIMIT $4
     )
     SELECT top."linkId", top.clicks, totals.total, totals.links
     FROM (SELECT coalesce(sum(clicks), 0)::int AS total, count(*)::int AS links FROM per_link) totals
     LEFT JOIN top ON TRUE
     ORDER BY top.clicks DESC NULLS LAST, top."linkId"`,
    workspaceId,
    from.toISOString(),
    to.toISOString(),
    query.first,
  );
  return {
    from,
    to,
    workspaceId,
    clicks: Number(rows[0]?.total ?? 0),
    linksClicked: Number(rows[0]?.links ?? 0),
    topLinks: rows.filter((row) => row.linkId !== null).map((row) => ({ linkId: row.linkId!, clicks: Number(row.clicks) })),
  };
}

/** Distinct visitors across a workspace's links over a range (raw clicks: only when asked for). */
export async function workspaceUniqueVisitors(services: Pick<Services, "db" | "config">, workspaceId: string, range: { from: Date; to: Date }) {
  const rows = await services.db.$queryRawUnsafe<Array<{ visitors: number }>>(
    `SELECT count(DISTINCT c.visitor)::int AS visitors
     FROM "Click" c JOIN "Link" l ON l.id = c."linkId"
     WHERE l."workspaceId" = $1::uuid AND c.at >= $2::timestamptz AND c.at < $3::timestamptz
       ${services.config.clicks.countBots ? "" : `AND NOT c."isBot"`}`,
    workspaceId,
    range.from.toISOString(),
    range.to.toISOString(),
  );
  return Number(rows[0]?.visitors ?? 0);
}
