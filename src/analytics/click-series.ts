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
  const series = new Map<string, SeriesBucket[]>();
  for (const key of target.keys) {
    series.set(
      key,
      starts.map((start, i) => ({ start, end: starts[i + 1] ?? end, clicks: 0 })),
    );
  }
  for (const row of rows) {
    const bucket = series.get(row.key)?.[Number(row.bucket) - 1];
    if (bucket) bucket.clicks = Number(row.clicks);
  }
  return series;
}
