import type { Db } from "../db/client.js";
import type { EnrichedClick, TotalsMessage } from "./click-event.js";

/**
 * Stores a batch of click rows in ONE statement (so it is atomic, and needs no interactive transaction on the
 * single-session embedded database): raw clicks, the hourly rollups, and Link.clickCount.
 * Clicks whose id is already stored (a redelivered stream entry) and clicks of deleted links are
 * skipped, so rollups and totals count every click exactly once.
 */
export async function writeClicks(db: Pick<Db, "$queryRawUnsafe">, clicks: EnrichedClick[], options: { countBots: boolean }): Promise<TotalsMessage> {
  if (clicks.length === 0) return { totals: [], settled: [] };
  const rows = await db.$queryRawUnsafe<Array<{ kind: "total" | "settled"; linkId: string; origin: string | null; n: number; added: number }>>(
    `WITH input AS (
       SELECT t.*, l."workspaceId" FROM jsonb_to_recordset($1::jsonb) AS t(
         id uuid, "linkId" uuid, at double precision, count integer, bot boolean, visitor text, referrer text, country text,
         device text, browser text, os text, ip inet, origin text, capped boolean, "ruleId" text, "variantId" text, source text)
       JOIN "Link" l ON l.id = t."linkId"
     ), inserted AS (
       INSERT INTO "Click" (id, "linkId", at, count, "isBot", visitor, referrer, country, device, browser, os, ip, "ruleId", "variantId", source)
       SELECT id, "linkId", to_timestamp(at / 1000.0), count, bot, decode(visitor, 'hex'), referrer, country, device, browser, os, ip, "ruleId", "variantId", source FROM input
       ON CONFLICT (id) DO NOTHING
       RETURNING id, "linkId", at, count, "isBot"
     ), rollups AS (
       INSERT INTO "ClickRollup" ("linkId", "workspaceId", hour, clicks, "botClicks")
       SELECT i."linkId", t."workspaceId", date_trunc('hour', i.at, 'UTC'), coalesce(sum(i.count) FILTER (WHERE NOT i."isBot"), 0),
              coalesce(sum(i.count) FILTER (WHERE i."isBot"), 0)
       FROM inserted i JOIN input t ON t.id = i.id GROUP BY 1, 2, 3
       ON CONFLICT ("linkId", hour) DO UPDATE
       SET clicks = "ClickRollup".clicks + excluded.clicks, "botClicks" = "ClickRollup"."botClicks" + excluded."botClicks"
     ), counted AS (
       SELECT "linkId", sum(count)::int AS n FROM inserted WHERE $2 OR NOT "isBot" GROUP BY 1
     ), totals AS (
       UPDATE "Link" l SET "clickCount" = l."clickCount" + c.n FROM counted c
       WHERE l.id = c."linkId" RETURNING l.id, l."clickCount", c.n
     ), settled AS (
       SELECT t."linkId", t.origin, sum(t.count)::int AS n FROM inserted i JOIN input t ON t.id = i.id
       WHERE t.capped GROUP BY 1, 2
     )
     SELECT 'total' AS kind, id::text AS "linkId", NULL AS origin, "clickCount" AS n, n AS added FROM totals
     UNION ALL
     SELECT 'settled', "linkId"::text, origin, n, 0 FROM settled`,
    JSON.stringify(clicks),
    options.countBots,
  );
  const message: TotalsMessage = { totals: [], settled: [] };
  for (const row of rows) {
    if (row.kind === "total") message.totals.push({ linkId: row.linkId, total: Number(row.n), added: Number(row.added) });
    else message.settled.push({ linkId: row.linkId, origin: row.origin!, n: Number(row.n) });
  }
  return message;
}
