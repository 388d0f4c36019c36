import type { Services } from "../services.js";
import type { Buckets } from "./time-buckets.js";

export interface SeriesBucket {
  start: Date;
  end: Date;
  clicks: number;
}

/**
 * Clicks per bucket for many links in one statement. Hour-aligned buckets (every granularity
 * from HOUR up, in zones whose offsets are whole hours) read the hourly rollups; minutes and
 * half-hour zones read raw clicks. `width_bucket` files each row under the last boundary not
 * after it, so DST-length days and repeated hours need nothing special here.
 */
export async function clickSeries(
  services: Pick<Services, "db" | "config">,
  linkIds: readonly string[],
  buckets: Buckets,
): Promise<Map<string, SeriesBucket[]>> {
  const { starts, end } = buckets;
  const countBots = services.config.clicks.countBots;
  const sql = buckets.hourAligned
    ? `SELECT "linkId"::text AS "linkId", width_bucket(hour, $2::timestamptz[]) AS bucket,
              sum(clicks${countBots ? ` + "botClicks"` : ""})::int AS clicks
       FROM "ClickRollup"
       WHERE "linkId" = ANY($1::uuid[]) AND hour >= $3::timestamptz AND hour < $4::timestamptz
       GROUP BY 1, 2`
    : `SELECT "linkId"::text AS "linkId", width_bucket(at, $2::timestamptz[]) AS bucket, sum(count)::int AS clicks
       FROM "Click"
       WHERE "linkId" = ANY($1::uuid[]) AND at >= $3::timestamptz AND at < $4::timestamptz${countBots ? "" : ` AND NOT "isBot"`}
       GROUP BY 1, 2`;
  const rows =
    starts.length === 0
      ? []
      : await services.db.$queryRawUnsafe<Array<{ linkId: string; bucket: number; clicks: number }>>(
          sql,
          [...linkIds],
          starts.map((start) => start.toISOString()),
          starts[0]!.toISOString(),
          end.toISOString(),
        );
  // Most buckets of most links are empty: those share one read-only bucket per start instead of
  // allocating their own (a page of 50 links by 24 hours is 1,200 buckets).
  const empty: readonly SeriesBucket[] = starts.map((start, i) => Object.freeze({ start, end: starts[i + 1] ?? end, clicks: 0 }));
  const series = new Map<string, SeriesBucket[]>();
  for (const linkId of linkIds) series.set(linkId, empty.slice());
  for (const row of rows) {
    const buckets = series.get(row.linkId);
    const i = Number(row.bucket) - 1;
    const bucket = buckets?.[i];
    if (bucket) buckets[i] = { start: bucket.start, end: bucket.end, clicks: Number(row.clicks) };
  }
  return series;
}
