// EXPLAIN (ANALYZE, BUFFERS) of the analytics queries — the very SQL the app sends (the use cases
// run against a db whose $queryRawUnsafe explains instead of answering) — on a scratch
// PostgreSQL database holding a million clicks over 30 days: 2 accounts × 100 links, skewed
// (the hottest link ~ a fifth of all clicks), 200k distinct visitors, 3 % bots, rollups built
// from the raw rows. Prints each plan; bench/EXPLAIN.md records the key lines.
// Run: `npx tsx bench/explain-analytics.ts` (BENCH_EXPLAIN_CLICKS=1000000).
import pg from "pg";
import { migrate } from "../src/db/migrate.js";
import { clickSeries } from "../src/analytics/click-series.js";
import { clickStats } from "../src/analytics/click-stats.js";
import { clickBreakdown } from "../src/analytics/click-breakdown.js";
import { clickSummary, workspaceUniqueVisitors } from "../src/analytics/click-summary.js";
import { bucketsFor } from "../src/analytics/time-buckets.js";
import { createScratchDatabase } from "./lib/scratch-db.js";

const clicks = Number(process.env.BENCH_EXPLAIN_CLICKS ?? 1_000_000);
const database = await createScratchDatabase("explain");
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
try {
  await migrate(database.url);
  const setup = async (label: string, sql: string) => {
    const started = performance.now();
    await pool.query(sql);
    console.error(`${label}: ${Math.round(performance.now() - started)} ms`);
  };
  await setup(
    "users",
    `INSERT INTO "User" (id, email, "updatedAt") VALUES (gen_random_uuid(), 'a@example.com', now()), (gen_random_uuid(), 'b@example.com', now())`,
  );
  await setup(
    "workspaces",
    `INSERT INTO "Workspace" (id, name, "personalOwnerId", "updatedAt") SELECT gen_random_uuid(), 'Personal', id, now() FROM "User"`,
  );
  await setup(
    "links",
    `INSERT INTO "Link" (id, "ownerId", "workspaceId", slug, url, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), u.id, w.id, u.email || '-' || i, 'https://example.com/' || i, now() - i * interval '1 minute', now()
     FROM "User" u JOIN "Workspace" w ON w."personalOwnerId" = u.id, generate_series(0, 99) i`,
  );
  await setup(
    "clicks",
    `WITH links AS (SELECT array_agg(l.id ORDER BY u.email, l."createdAt" DESC) AS ids FROM "Link" l JOIN "User" u ON u.id = l."ownerId")
     INSERT INTO "Click" (id, "linkId", at, count, "isBot", visitor, referrer, country, device, browser, os)
     SELECT gen_random_uuid(), links.ids[1 + (CASE WHEN random() < 0.8 THEN 0 ELSE 100 END) + floor(100 * random() ^ 3)::int],
            at, 1, random() < 0.03, decode(md5(floor(random() * 200000)::text), 'hex'),
            (ARRAY[NULL, 'news.ycombinator.com', 't.co', 'google.com', 'reddit.com', 'github.com', 'linkedin.com', 'facebook.com'])[1 + floor(random() * 8)::int],
            (ARRAY['US', 'DE', 'FR', 'GB', 'IN', 'BR', 'JP', NULL])[1 + floor(random() * 8)::int],
            (ARRAY['desktop', 'mobile', 'tablet'])[1 + floor(random() * 3)::int],
            (ARRAY['Chrome', 'Safari', 'Firefox', 'Edge', 'Opera'])[1 + floor(random() * 5)::int],
            (ARRAY['Windows', 'macOS', 'iOS', 'Android', 'Linux'])[1 + floor(random() * 5)::int]
     FROM links, (SELECT now() - random() * interval '30 days' AS at FROM generate_series(1, ${clicks}) ORDER BY 1) t`,
  );
  await setup(
    "rollups",
    `INSERT INTO "ClickRollup" ("linkId", "workspaceId", hour, clicks, "botClicks")
     SELECT c."linkId", l."workspaceId", date_trunc('hour', c.at, 'UTC'), coalesce(sum(c.count) FILTER (WHERE NOT c."isBot"), 0),
            coalesce(sum(c.count) FILTER (WHERE c."isBot"), 0)
     FROM "Click" c JOIN "Link" l ON l.id = c."linkId" GROUP BY 1, 2, 3`,
  );
  await setup(
    "counts",
    `UPDATE "Link" l SET "clickCount" = c.n FROM (SELECT "linkId", sum(count) FILTER (WHERE NOT "isBot") AS n FROM "Click" GROUP BY 1) c WHERE c."linkId" = l.id`,
  );
  await setup("vacuum analyze", `VACUUM ANALYZE`);

  const owner = (await pool.query(`SELECT id FROM "User" WHERE email = 'a@example.com'`)).rows[0].id as string;
  const workspace = (await pool.query(`SELECT id FROM "Workspace" WHERE "personalOwnerId" = $1`, [owner])).rows[0].id as string;
  const ownerLinks = (
    await pool.query(`SELECT id::text FROM "Link" WHERE "ownerId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 50`, [owner])
  ).rows.map((r) => r.id as string);
  const hot = (await pool.query(`SELECT id::text, "clickCount" FROM "Link" ORDER BY "clickCount" DESC LIMIT 1`)).rows[0];
  const sizes = (
    await pool.query(
      `SELECT pg_size_pretty(pg_total_relation_size('"Click"')) AS click, pg_size_pretty(pg_total_relation_size('"ClickRollup"')) AS rollup, (SELECT count(*) FROM "ClickRollup") AS rollups`,
    )
  ).rows[0];
  console.log(
    `# ${clicks.toLocaleString("en")} clicks; hottest link ${hot.clickCount} clicks; Click ${sizes.click}, ClickRollup ${sizes.rollup} (${sizes.rollups} rows)\n`,
  );

  let label = "";
  const explaining = {
    $queryRawUnsafe: async (sql: string, ...params: unknown[]) => {
      const result = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      console.log(`## ${label}\n${result.rows.map((row) => row["QUERY PLAN"]).join("\n")}\n`);
      return [];
    },
  };
  const services = { db: explaining as never, config: { clicks: { countBots: false } } as never };
  const now = new Date();
  const day = new Date(now.getTime() - 86_400_000);
  const month = new Date(now.getTime() - 30 * 86_400_000);

  label = "series: links page, 50 links × 24 hourly buckets (rollups)";
  await clickSeries(services, { linkIds: ownerLinks }, bucketsFor(day, now, "HOUR", "UTC"));
  label = "series: hottest link, 30 daily buckets in Europe/Paris (rollups)";
  await clickSeries(services, { linkIds: [hot.id] }, bucketsFor(month, now, "DAY", "Europe/Paris"));
  label = "series: hottest link, 24 h by MINUTE (raw clicks)";
  await clickSeries(services, { linkIds: [hot.id] }, bucketsFor(day, now, "MINUTE", "UTC"));
  label = "stats (clicks, unique visitors): hottest link, 30 days";
  await clickStats(services, [hot.id], { from: month, to: now });
  label = "stats (clicks, unique visitors): 50 links, 24 h";
  await clickStats(services, ownerLinks, { from: day, to: now });
  label = "breakdown by REFERRER: hottest link, 30 days, top 10";
  await clickBreakdown(services, { linkIds: [hot.id] }, { by: "REFERRER", from: month, to: now, first: 10 });
  label = "summary: workspace, 30 days, top 10 links (rollups)";
  await clickSummary(services, workspace, { from: month, to: now, first: 10 });
  label = "series: workspace, 30 daily buckets in Europe/Paris (rollups)";
  await clickSeries(services, { workspaceId: workspace }, bucketsFor(month, now, "DAY", "Europe/Paris"));
  label = "breakdown by COUNTRY: workspace, 30 days, top 10 (raw clicks)";
  await clickBreakdown(services, { workspaceId: workspace }, { by: "COUNTRY", from: month, to: now, first: 10 });
  label = "workspace unique visitors: 30 days (raw clicks)";
  await workspaceUniqueVisitors(services, workspace, { from: month, to: now });
} finally {
  await pool.end();
  await database.drop();
}
