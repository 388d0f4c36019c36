import type { Db } from "../db/client.js";
import type { EnrichedClick, TotalsMessage } from "./click-event.js";

/** A column of the batch's input rows: its name, SQL type, value, and, if stored in "Click", how. */
interface ClickColumn {
  input: string;
  type: string;
  value(click: EnrichedClick): unknown;
  /**
   * The "Click" column it fills, the SQL expression over the input column (default: itself), and
   * its PostgreSQL input text for COPY (default: the value as text).
   */
  stored?: { column: string; expression?: string; copyText?: (click: EnrichedClick) => string | null };
}

/** Every input column, in one place: adding a stored column is one entry here (and the schema). */
const COLUMNS: ClickColumn[] = [
  { input: "id", type: "uuid", value: (click) => click.id, stored: { column: "id" } },
  { input: "linkId", type: "uuid", value: (click) => click.linkId, stored: { column: "linkId" } },
  {
    input: "at",
    type: "float8",
    value: (click) => click.at,
    stored: { column: "at", expression: "to_timestamp(at / 1000.0)", copyText: (click) => new Date(click.at).toISOString() },
  },
  { input: "count", type: "int4", value: (click) => click.count, stored: { column: "count" } },
  { input: "bot", type: "bool", value: (click) => click.bot, stored: { column: "isBot" } },
  {
    input: "visitor",
    type: "text",
    value: (click) => click.visitor,
    stored: { column: "visitor", expression: "decode(visitor, 'hex')", copyText: (click) => click.visitor && `\\x${click.visitor}` },
  },
  { input: "referrer", type: "text", value: (click) => click.referrer, stored: { column: "referrer" } },
  { input: "country", type: "text", value: (click) => click.country, stored: { column: "country" } },
  { input: "device", type: "text", value: (click) => click.device, stored: { column: "device" } },
  { input: "browser", type: "text", value: (click) => click.browser, stored: { column: "browser" } },
  { input: "os", type: "text", value: (click) => click.os, stored: { column: "os" } },
  { input: "ip", type: "inet", value: (click) => click.ip, stored: { column: "ip" } },
  { input: "ruleId", type: "text", value: (click) => click.ruleId ?? null, stored: { column: "ruleId" } },
  { input: "variantId", type: "text", value: (click) => click.variantId ?? null, stored: { column: "variantId" } },
  { input: "source", type: "text", value: (click) => click.source ?? null, stored: { column: "source" } },
  // Not stored: which instance to tell that its capped clicks are stored.
  { input: "origin", type: "text", value: (click) => click.origin },
  { input: "capped", type: "bool", value: (click) => click.capped },
];

const STORED = COLUMNS.filter((column) => column.stored);

/** The stored columns as COPY "Click" (…) FROM STDIN lists them, and each one's input text. */
export const COPY_COLUMNS = STORED.map((column) => ({
  column: column.stored!.column,
  text: column.stored!.copyText ?? ((click: EnrichedClick) => copyValue(column.value(click))),
}));

function copyValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "t" : "f";
  return String(value);
}
const quote = (name: string) => `"${name}"`;

// The batch arrives as one array per column (unnest): cheaper to send and parse than JSON rows.
const WRITE_CLICKS = `WITH input AS (
       SELECT t.*, l."workspaceId" FROM unnest(${COLUMNS.map((column, i) => `$${i + 2}::${column.type}[]`).join(", ")})
         AS t(${COLUMNS.map((column) => quote(column.input)).join(", ")})
       JOIN "Link" l ON l.id = t."linkId"
     ), inserted AS (
       INSERT INTO "Click" (${STORED.map((column) => quote(column.stored!.column)).join(", ")})
       SELECT ${STORED.map((column) => column.stored!.expression ?? quote(column.input)).join(", ")} FROM input
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
       SELECT "linkId", sum(count)::int AS n FROM inserted WHERE $1 OR NOT "isBot" GROUP BY 1
     ), totals AS (
       UPDATE "Link" l SET "clickCount" = l."clickCount" + c.n FROM counted c
       WHERE l.id = c."linkId" RETURNING l.id, l."clickCount", c.n
     ), settled AS (
       SELECT t."linkId", t.origin, sum(t.count)::int AS n FROM inserted i JOIN input t ON t.id = i.id
       WHERE t.capped GROUP BY 1, 2
     )
     SELECT 'total' AS kind, id::text AS "linkId", NULL AS origin, "clickCount" AS n, n AS added FROM totals
     UNION ALL
     SELECT 'settled', "linkId"::text, origin, n, 0 FROM settled`;

/**
 * Stores a batch of click rows in ONE statement (so it is atomic, and needs no interactive transaction on the
 * single-session embedded database): raw clicks, the hourly rollups, and Link.clickCount.
 * Clicks whose id is already stored (a redelivered stream entry) and clicks of deleted links are
 * skipped, so rollups and totals count every click exactly once.
 */
export async function writeClicks(db: Pick<Db, "$queryRawUnsafe">, clicks: EnrichedClick[], options: { countBots: boolean }): Promise<TotalsMessage> {
  if (clicks.length === 0) return { totals: [], settled: [] };
  const columns = COLUMNS.map((column) => clicks.map(column.value));
  const rows = await db.$queryRawUnsafe<Array<{ kind: "total" | "settled"; linkId: string; origin: string | null; n: number; added: number }>>(
    WRITE_CLICKS,
    options.countBots,
    ...columns,
  );
  const message: TotalsMessage = { totals: [], settled: [] };
  for (const row of rows) {
    if (row.kind === "total") message.totals.push({ linkId: row.linkId, total: Number(row.n), added: Number(row.added) });
    else message.settled.push({ linkId: row.linkId, origin: row.origin!, n: Number(row.n) });
  }
  return message;
}
