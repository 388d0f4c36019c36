import type { Services } from "../services.js";

export interface ClickStats {
  /** Clicks that count (bots excluded unless CLICK_COUNT_BOTS). */
  clicks: number;
  /** Distinct visitor hashes among them; hashes rotate daily, so a visitor on two days counts twice. */
  uniqueVisitors: number;
  botClicks: number;
}

const NONE: ClickStats = { clicks: 0, uniqueVisitors: 0, botClicks: 0 };

/** Totals and unique visitors of many links over [from, to), in one statement on raw clicks. */
export async function clickStats(
  services: Pick<Services, "db" | "config">,
  linkIds: readonly string[],
  range: { from: Date; to: Date },
): Promise<Map<string, ClickStats>> {
  const counted = services.config.clicks.countBots ? "TRUE" : `NOT "isBot"`;
  const rows = await services.db.$queryRawUnsafe<Array<{ linkId: string } & ClickStats>>(
    `SELECT "linkId"::text AS "linkId",
            coalesce(sum(count) FILTER (WHERE ${counted}), 0)::int AS clicks,
            count(DISTINCT visitor) FILTER (WHERE ${counted})::int AS "uniqueVisitors",
            coalesce(sum(count) FILTER (WHERE "isBot"), 0)::int AS "botClicks"
     FROM "Click"
     WHERE "linkId" = ANY($1::uuid[]) AND at >= $2::timestamptz AND at < $3::timestamptz
     GROUP BY "linkId"`, // the uuid, not its text: rows come in index order, no sort
    [...linkIds],
    range.from.toISOString(),
    range.to.toISOString(),
  );
  const stats = new Map<string, ClickStats>(linkIds.map((id) => [id, NONE]));
  for (const row of rows)
    stats.set(row.linkId, { clicks: Number(row.clicks), uniqueVisitors: Number(row.uniqueVisitors), botClicks: Number(row.botClicks) });
  return stats;
}
