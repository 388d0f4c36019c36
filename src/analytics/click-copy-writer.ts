import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Logger } from "../platform/logger.js";
import { crossedMilestones } from "../webhooks/click-milestones.js";
import type { EnrichedClick, TotalsMessage } from "./click-event.js";
import { COPY_COLUMNS } from "./click-writer.js";

/** Below this many rows one INSERT statement is as fast as COPY's extra round trips. */
export const COPY_MIN_ROWS = 100;
const HOUR_MS = 3_600_000;
const UNIQUE_VIOLATION = "23505";

const COPY_CLICKS = `COPY "Click" (${COPY_COLUMNS.map((column) => `"${column.column}"`).join(", ")}) FROM STDIN`;

// Rollups and totals from the batch aggregated here, and which of its links still exist.
const APPLY_AGGREGATES = `WITH present AS (
       SELECT id, "workspaceId" FROM "Link" WHERE id = ANY($1::uuid[])
     ), rollups AS (
       INSERT INTO "ClickRollup" ("linkId", "workspaceId", hour, clicks, "botClicks")
       SELECT r."linkId", p."workspaceId", r.hour, r.clicks, r."botClicks"
       FROM unnest($2::uuid[], $3::timestamptz[], $4::int4[], $5::int4[]) AS r("linkId", hour, clicks, "botClicks")
       JOIN present p ON p.id = r."linkId"
       ON CONFLICT ("linkId", hour) DO UPDATE
       SET clicks = "ClickRollup".clicks + excluded.clicks, "botClicks" = "ClickRollup"."botClicks" + excluded."botClicks"
     ), totals AS (
       UPDATE "Link" l SET "clickCount" = l."clickCount" + c.n FROM unnest($6::uuid[], $7::int4[]) AS c("linkId", n)
       WHERE l.id = c."linkId" RETURNING l.id, l."clickCount", c.n
     )
     SELECT 'total' AS kind, id::text AS "linkId", "clickCount" AS n, n AS added FROM totals
     UNION ALL
     SELECT 'present', id::text, 0, 0 FROM present`;

export interface CopyClickWriter {
  /**
   * Stores a batch as writeClicks does, with COPY. Null when it leaves the batch to writeClicks:
   * fewer than COPY_MIN_ROWS rows, a click already stored (a redelivered stream entry: COPY has no
   * ON CONFLICT), or a total crossing a milestone (its webhook event is queued in writeClicks'
   * transaction). Nothing is stored then.
   */
  write(clicks: EnrichedClick[]): Promise<TotalsMessage | null>;
  close(): Promise<void>;
}

/**
 * The PostgreSQL click writer for large batches: COPY of the raw rows, then one statement for the
 * hourly rollups and Link.clickCount aggregated here, in one transaction on its own small pool (Prisma
 * cannot COPY). Same result as writeClicks: deleted links' clicks are not kept, nor counted.
 */
export function createCopyClickWriter(options: {
  connectionString: string;
  countBots: boolean;
  milestones: readonly number[];
  log: Logger;
}): CopyClickWriter {
  // Named, so operators can tell its connections apart in pg_stat_activity (a name in the URL wins).
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2, application_name: "linkgraph click writer" });
  // A PostgreSQL restart ends idle connections: the pool replaces them; unhandled, it would crash.
  pool.on("error", (error) => options.log.warn({ err: error }, "click writer: idle database connection lost"));

  return {
    async write(clicks) {
      if (clicks.length < COPY_MIN_ROWS) return null;
      const batch = aggregate(clicks, options.countBots);
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        try {
          await pipeline(Readable.from([copyText(clicks)]), client.query(copyFrom(COPY_CLICKS)));
        } catch (error) {
          await client.query("ROLLBACK");
          if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
          throw error;
        }
        const rows = await client.query<{ kind: "total" | "present"; linkId: string; n: number; added: number }>(APPLY_AGGREGATES, batch.parameters);
        const present = new Set(rows.rows.filter((row) => row.kind === "present").map((row) => row.linkId));
        const totals = rows.rows.filter((row) => row.kind === "total").map((row) => ({ linkId: row.linkId, total: row.n, added: row.added }));
        if (
          totals.some(
            ({ total, added }) => crossedMilestones({ linkId: "", previousCount: total - added, clickCount: total }, options.milestones).length,
          )
        ) {
          await client.query("ROLLBACK");
          return null;
        }
        const orphans = clicks.filter((click) => !present.has(click.linkId)).map((click) => click.id);
        if (orphans.length) await client.query(`DELETE FROM "Click" WHERE id = ANY($1::uuid[])`, [orphans]);
        await client.query("COMMIT");
        return { totals, settled: batch.settled.filter(({ linkId }) => present.has(linkId)) };
      } catch (error) {
        broken = error as Error;
        throw error;
      } finally {
        // A connection that failed mid-transaction is not reused.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** The batch in COPY's text format: a line per row, tab-separated, \N for null, backslash escapes. */
function copyText(clicks: EnrichedClick[]): string {
  let text = "";
  for (const click of clicks) {
    for (let i = 0; i < COPY_COLUMNS.length; i++) {
      const value = COPY_COLUMNS[i]!.text(click);
      text += (i ? "\t" : "") + (value === null ? "\\N" : escapeCopyText(value));
    }
    text += "\n";
  }
  return text;
}

const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const escapeCopyText = (text: string) => text.replace(COPY_SPECIAL, (char) => COPY_ESCAPES[char]!);

/** The batch's rollups per link and hour, counted clicks per link, and capped clicks per link and origin. */
function aggregate(clicks: EnrichedClick[], countBots: boolean) {
  const rollups = new Map<string, { linkId: string; hour: number; clicks: number; botClicks: number }>();
  const counted = new Map<string, number>();
  const settled = new Map<string, { linkId: string; origin: string; n: number }>();
  for (const click of clicks) {
    const hour = Math.floor(click.at / HOUR_MS) * HOUR_MS;
    const rollupKey = `${click.linkId}@${hour}`;
    let rollup = rollups.get(rollupKey);
    if (!rollup) rollups.set(rollupKey, (rollup = { linkId: click.linkId, hour, clicks: 0, botClicks: 0 }));
    if (click.bot) rollup.botClicks += click.count;
    else rollup.clicks += click.count;
    if (countBots || !click.bot) counted.set(click.linkId, (counted.get(click.linkId) ?? 0) + click.count);
    if (click.capped) {
      const settledKey = `${click.linkId}@${click.origin}`;
      const entry = settled.get(settledKey) ?? { linkId: click.linkId, origin: click.origin, n: 0 };
      entry.n += click.count;
      settled.set(settledKey, entry);
    }
  }
  // Sorted, so that concurrent writers tend to lock the same links in the same order (a deadlock is retried).
  const rollupRows = [...rollups.values()].sort((a, b) => (a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : a.hour - b.hour));
  const countedIds = [...counted.keys()].sort();
  return {
    parameters: [
      [...new Set(clicks.map((click) => click.linkId))],
      rollupRows.map((row) => row.linkId),
      rollupRows.map((row) => new Date(row.hour).toISOString()),
      rollupRows.map((row) => row.clicks),
      rollupRows.map((row) => row.botClicks),
      countedIds,
      countedIds.map((id) => counted.get(id)!),
    ],
    settled: [...settled.values()],
  };
}
