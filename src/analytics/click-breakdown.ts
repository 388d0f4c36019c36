import type { Services } from "../services.js";
import { scopeSql, type ClickScope } from "./click-scope.js";

export const DIMENSIONS = ["REFERRER", "COUNTRY", "DEVICE", "BROWSER", "OS", "RULE", "VARIANT", "SOURCE"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const COLUMN: Record<Dimension, string> = {
  REFERRER: "c.referrer",
  COUNTRY: "c.country",
  DEVICE: "c.device",
  BROWSER: "c.browser",
  OS: "c.os",
  // Ids from Link.rules (variant ids are unique within a link); null: the link's own URL or deep link.
  RULE: `c."ruleId"`,
  VARIANT: `c."variantId"`,
  // "qr" for scanned QR codes, "link" for plain visits.
  SOURCE: `coalesce(c.source, 'link')`,
};

export interface BreakdownEntry {
  /** null: no referrer (direct), or unknown. */
  value: string | null;
  clicks: number;
  uniqueVisitors: number;
}

/**
 * The top `first` values of one dimension over [from, to) for many links (or a whole workspace),
 * in one statement; keyed by link id, or by the workspace id for a workspace scope.
 */
export async function clickBreakdown(
  services: Pick<Services, "db" | "config">,
  scope: ClickScope,
  query: { by: Dimension; from: Date; to: Date; first: number },
): Promise<Map<string, BreakdownEntry[]>> {
  const column = COLUMN[query.by];
  const target = scopeSql(scope, "Click");
  const rows = await services.db.$queryRawUnsafe<Array<{ key: string } & BreakdownEntry>>(
    `SELECT key, value, clicks, "uniqueVisitors" FROM (
       SELECT ${target.key} AS key, ${column} AS value, sum(c.count)::int AS clicks,
              count(DISTINCT c.visitor)::int AS "uniqueVisitors",
              row_number() OVER (PARTITION BY ${target.key} ORDER BY sum(c.count) DESC, ${column} NULLS LAST) AS rank
       FROM ${target.from}
       WHERE ${target.where} AND c.at >= $2::timestamptz AND c.at < $3::timestamptz
         ${services.config.clicks.countBots ? "" : `AND NOT c."isBot"`}
       GROUP BY ${target.key}, ${column}
     ) ranked
     WHERE rank <= $4 ORDER BY key, rank`,
    target.param,
    query.from.toISOString(),
    query.to.toISOString(),
    query.first,
  );
  const breakdown = new Map<string, BreakdownEntry[]>(target.keys.map((key) => [key, []]));
  for (const row of rows) breakdown.get(row.key)?.push({ value: row.value, clicks: Number(row.clicks), uniqueVisitors: Number(row.uniqueVisitors) });
  return breakdown;
}
