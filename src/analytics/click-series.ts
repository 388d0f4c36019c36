import type { Services } from "../services.js";
import { scopeSql, type ClickScope } from "./click-scope.js";
import type { Buckets } from "./time-buckets.js";

export interface SeriesBucket {
  start: Date;
  end: Date;
  clicks: number;
}

/**
 * Clicks per bucket for many links (or a whole workspace) in one statement. Hour-aligned buckets
 * (every granularity from HOUR up, in zones whose offsets are whole hours) read the hourly
 * rollups; minutes and half-hour zones read raw clicks. `width_bucket` files each row under the
 * last boundary not after it, so DST-length days and repeated hours need nothing special here.
 * The result is keyed by link id, or by the workspace id for a workspace scope.
 */
export async function clickSeries(
  services: Pick<Services, "db" | "config">,
  scope: ClickScope,
  buckets: Buckets,
): Promise<Map<string, SeriesBucket[]>> {
  const { starts, end } = buckets;
  const countBots = services.config.clicks.countBots;
  const target = scopeSql(scope, buckets.hourAligned ? "ClickRollup" : "Click");
  const sql = buckets.hourAligned
    ? `SELECT ${target.key} AS key, width_bucket(c.hour, $2::timestamptz[]) AS bucket,
              sum(c.clicks${countBots ? ` + c."botClicks"` : ""})::int AS clicks
       FROM ${target.from}
       WHERE ${target.where} AND c.hour >= $3::timestamptz AND c.hour < $4::timestamptz
       GROUP BY 1, 2`
    : `SELECT ${target.key} AS key, width_bucket(c.at, $2::timestamptz[]) AS bucket, sum(c.count)::int AS clicks
       FROM ${target.from}
       WHERE ${target.where} AND c.at >= $3::timestamptz AND c.at < $4::timestamptz${countBots ? "" : ` AND NOT c."isBot"`}
       GROUP BY 1, 2`;
  const rows =
    starts.length === 0
      ? []
      : await services.db.$queryRawUnsafe<Array<{ key: string; bucket: number; clicks: number }>>(
          sql,
          target.param,
          starts.map((start) => start.toISOString()),
          starts[0]!.toISOString(),
          end.toISOString(),
        );
  // Most buckets of most links are empty: those share one read-only bucket per start instead of
  // allocating their own (a page of 50 links by 24 hours is 1,200 buckets).
  const empty: readonly SeriesBucket[] = starts.map((start, i) => Object.freeze({ start, end: starts[i + 1] ?? end, clicks: 0 }));
  const series = new Map<string, SeriesBucket[]>();
  for (const key of target.keys) series.set(key, empty.slice());
  for (const row of rows) {
    const buckets = series.get(row.key);
    const i = Number(row.bucket) - 1;
    const bucket = buckets?.[i];
    if (bucket) buckets[i] = { start: bucket.start, end: bucket.end, clicks: Number(row.clicks) };
  }
  return series;
}
