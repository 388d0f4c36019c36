// Click ingestion into PostgreSQL: the real pipeline (capture → grouping → enrichment: client
// address, user-agent parse, salted visitor hash → per batch, COPY of the raw rows and one
// statement for hourly rollups and Link.clickCount) of an in-process app on a scratch database on
// 127.0.0.1:5432, draining a backlog of clicks from many distinct visitors (every click its own
// row). Baseline, on the same database and table: the same number of rows written with plain
// multi-row INSERTs through pg, in batches of the same size. Goal (issue 16): ≥ 50,000 clicks/s.
// Run alone: `npx tsx bench/click-ingestion.ts`; `npm run bench` includes it.
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { clickId } from "../src/analytics/click-id.js";
import { signUpAndCreateLinks, graphql } from "./lib/processes.js";
import { createScratchDatabase } from "./lib/scratch-db.js";
import type { BenchmarkRow } from "./redirect.js";

const GOAL_PER_SECOND = 50_000;
const LINKS = 100;
const AGENTS = [
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
];
const REFERRERS = [undefined, "https://news.ycombinator.com/item?id=1", "https://t.co/abc", "https://www.google.com/"];

export async function benchClickIngestion(options: { clicks: number; batchSize?: number }): Promise<BenchmarkRow[]> {
  const batchSize = options.batchSize ?? 1_000;
  const database = await createScratchDatabase("ingest");
  const app = await createApp(
    loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      JWT_SECRET: "bench-secret-bench-secret-bench-secret!!",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      PERSISTED_QUERIES_ONLY: "false",
      WEBHOOK_WORKER: "false",
      CLICK_QUEUE: "memory",
      CLICK_BATCH_SIZE: String(batchSize),
      CLICK_BUFFER_MAX: String(Math.max(options.clicks * 2, 100_000)),
      // The bench calls flush(); the timer would only split the backlog differently.
      CLICK_FLUSH_INTERVAL_MS: "60000",
    }),
  );
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    const { port } = await app.listen();
    const url = `http://127.0.0.1:${port}`;
    const { token, slugs } = await signUpAndCreateLinks(url, LINKS);
    const linkIds: string[] = (await pool.query(`SELECT id::text FROM "Link" ORDER BY "createdAt"`)).rows.map((row) => row.id);
    if (linkIds.length !== LINKS) throw new Error(`expected ${LINKS} links, found ${linkIds.length}`);

    // Baseline: the same number of rows, plain multi-row INSERTs.
    const baselineStarted = performance.now();
    const at0 = Date.now();
    for (let start = 0; start < options.clicks; start += batchSize) {
      const n = Math.min(batchSize, options.clicks - start);
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (let i = 0; i < n; i++) {
        const k = start + i;
        const at = at0 + Math.floor(k / 20);
        const p = values.length;
        tuples.push(
          `($${p + 1}::uuid, $${p + 2}::uuid, $${p + 3}::timestamptz, 1, false, $${p + 4}::bytea, $${p + 5}, NULL, $${p + 6}, $${p + 7}, $${p + 8})`,
        );
        values.push(
          clickId(at),
          linkIds[k % LINKS],
          new Date(at),
          randomBytes(16),
          k % 4 ? "news.ycombinator.com" : null,
          "desktop",
          "Chrome",
          "Linux",
        );
      }
      await pool.query(
        `INSERT INTO "Click" (id, "linkId", at, count, "isBot", visitor, referrer, country, device, browser, os) VALUES ${tuples.join(",")}`,
        values,
      );
    }
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;
    await pool.query(`TRUNCATE "Click"`);
    await pool.query(`VACUUM ANALYZE "Click"`);

    // The pipeline: every click from a different address, as redirects capture them.
    const pipeline = app.services.clickPipeline;
    const started = performance.now();
    const now = Date.now();
    let accepted = 0;
    for (let k = 0; k < options.clicks; k++) {
      const visitor = k + 1;
      accepted += pipeline.record({
        at: now + Math.floor(k / 20),
        linkId: linkIds[k % LINKS]!,
        referrer: REFERRERS[k % REFERRERS.length],
        userAgent: AGENTS[k % AGENTS.length],
        peer: `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`,
        forwardedFor: undefined,
        country: undefined,
        capped: false,
      })
        ? 1
        : 0;
    }
    await pipeline.flush();
    const seconds = (performance.now() - started) / 1000;

    const stored = (await pool.query(`SELECT coalesce(sum(count), 0)::int AS clicks, count(*)::int AS rows FROM "Click"`)).rows[0];
    const counted = (await pool.query(`SELECT sum("clickCount")::int AS n FROM "Link"`)).rows[0].n;
    const rolledUp = (await pool.query(`SELECT sum(clicks)::int AS n FROM "ClickRollup"`)).rows[0].n;
    const sample = await graphql(
      url,
      `
        query ($slug: String!) {
          link(slug: $slug) {
            clickCount
          }
        }
      `,
      { slug: slugs[0] },
      token,
    );
    const perSecond = stored.clicks / seconds;
    const baselinePerSecond = options.clicks / baselineSeconds;
    return [
      {
        name: "click ingestion into PostgreSQL (pipeline, many visitors) vs plain multi-row INSERT",
        goal: `≥ ${GOAL_PER_SECOND.toLocaleString("en")} clicks/s`,
        result: `${Math.round(perSecond).toLocaleString("en")} clicks/s`,
        ratio: perSecond / baselinePerSecond,
        met: perSecond >= GOAL_PER_SECOND && stored.clicks === options.clicks,
        detail: {
          clicks: options.clicks,
          accepted,
          batchSize,
          links: LINKS,
          clicksPerSecond: Math.round(perSecond),
          seconds: Math.round(seconds * 100) / 100,
          baselineRowsPerSecond: Math.round(baselinePerSecond),
          baselineSeconds: Math.round(baselineSeconds * 100) / 100,
          storedClicks: stored.clicks,
          storedRows: stored.rows,
          linkClickCountSum: counted,
          rollupClicks: rolledUp,
          firstLinkClickCount: sample.link.clickCount,
          pipelineStats: pipeline.stats(),
        },
      },
    ];
  } finally {
    await pool.end();
    await app.close();
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await benchClickIngestion({ clicks: Number(process.env.BENCH_INGEST_CLICKS ?? 200_000) });
  for (const row of rows)
    console.log(
      `${row.name}: ${row.result} ${row.ratio.toFixed(2)}× (goal ${row.goal}) ${row.met ? "met" : "NOT met"} ${JSON.stringify(row.detail)}`,
    );
}
