import type { Services } from "../services.js";

export const DIMENSIONS = ["REFERRER", "COUNTRY", "DEVICE", "BROWSER", "OS", "RULE", "VARIANT", "SOURCE"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const COLUMN: Record<Dimension, string> = {
  REFERRER: "referrer",
  COUNTRY: "country",
  DEVICE: "device",
  BROWSER: "browser",
  OS: "os",
  // Ids from Link.rules (variant ids are unique within a link); null: the link's own URL or deep link.
  RULE: `"ruleId"`,
  VARIANT: `"variantId"`,
  // "qr" for scanned QR codes, "link" for plain visits.
  SOURCE: `coalesce(source, 'link')`,
};

export interface BreakdownEntry {
  /** null: no referrer (direct), or unknown. */
  value: string | null;
  clicks: number;
  uniqueVisitors: number;
}

/** The top `first` values of one dimension for many links over [from, to), in one statement. */
export async function clickBreakdown(
  services: Pick<Services, "db" | "config">,
  linkIds: readonly string[],
  query: { by: Dimension; from: Date; to: Date; first: number },
): Promise<Map<string, BreakdownEntry[]>> {
  const column = COLUMN[query.by];
  const rows = await services.db.$queryRawUnsafe<Array<{ linkId: string } & BreakdownEntry>>(
    `SELECT "linkId", value, clicks, "uniqueVisitors" FROM (
       SELECT "linkId"::text AS "linkId", ${column} AS value, sum(count)::int AS clicks,
              count(DISTINCT visitor)::int AS "uniqueVisitors",
              row_number() OVER (PARTITION BY "linkId" ORDER BY sum(count) DESC, ${column} NULLS LAST) AS rank
       FROM "Click"
       WHERE "linkId" = ANY($1::uuid[]) AND at >= $2::timestamptz AND at < $3::timestamptz
         ${services.config.clicks.countBots ? "" : `AND NOT "isBot"`}
       GROUP BY "linkId", ${column}
     ) ranked
     WHERE rank <= $4 ORDER BY "linkId", rank`,
    [...linkIds],
    query.from.toISOString(),
    query.to.toISOString(),
    query.first,
  );
  const breakdown = new Map<string, BreakdownEntry[]>(linkIds.map((id) => [id, []]));
  for (const row of rows)
    breakdown.get(row.linkId)?.push({ value: row.value, clicks: Number(row.clicks), uniqueVisitors: Number(row.uniqueVisitors) });
  return breakdown;
}
