// The dashboard's links page (50 links, each with owner, clickCount and a 24-hour hourly series)
// against `{ __typename }` on the same server, same token, same load, one after the other; plus
// the SQL statements one links page costs (counted by an in-process app on the same database with
// the app's own onQuery hook, the one tests use). Real PostgreSQL: a scratch database on
// 127.0.0.1:5432 (BENCH_PG_ADMIN_URL), dropped afterwards.
// Run alone: `npx tsx bench/graphql-links.ts`; `npm run bench` includes it.
import { pathToFileURL } from "node:url";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import pg from "pg";
import { startBaselineLinksServer } from "./baseline-links-server.js";
import { load } from "./lib/load.js";
import { benchPort, signUpAndCreateLinks, startLinkgraph } from "./lib/processes.js";
import { createScratchDatabase } from "./lib/scratch-db.js";
import type { BenchmarkRow } from "./redirect.js";

const JWT_SECRET = "bench-secret-bench-secret-bench-secret!!";
const PUBLIC_BASE_URL = `http://127.0.0.1:${benchPort(5)}`;
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

export const LINKS_PAGE = `query LinksPage($from: DateTime!, $to: DateTime!) {
  links(first: 50) {
    edges { node {
      id slug url clickCount
      owner { id email }
      clickSeries(from: $from, to: $to, granularity: HOUR, timezone: "UTC") { start clicks }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export async function benchGraphQLLinks(options: { durationSeconds: number; connections: number }): Promise<BenchmarkRow[]> {
  const database = await createScratchDatabase("graphql");
  // One PUBLIC_BASE_URL for both apps: it is the tokens' issuer.
  const env = { DATABASE_URL: database.url, NODE_ENV: "production", JWT_SECRET, PUBLIC_BASE_URL };
  const server = await startLinkgraph(benchPort(5), env);
  try {
    const { token, slugs } = await signUpAndCreateLinks(server.url, 50);
    // A few clicks per link so the series has something to sum.
    for (const slug of slugs)
      for (let i = 0; i < 3; i++) await fetch(`${server.url}/${slug}`, { redirect: "manual", headers: { "user-agent": BROWSER_UA } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    const from = new Date(to.getTime() - 24 * 3_600_000);
    const variables = { from: from.toISOString(), to: to.toISOString() };
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
    const page = JSON.stringify({ query: LINKS_PAGE, variables });
    const trivial = JSON.stringify({ query: "{ __typename }" });

    // Sanity: the page is what we claim it is.
    const sample = (await (await fetch(`${server.url}/graphql`, { method: "POST", headers, body: page })).json()) as any;
    if (sample.errors) throw new Error(`links page failed: ${JSON.stringify(sample.errors)}`);
    const edges = sample.data.links.edges as any[];
    const clicksInSeries = edges.reduce((sum, e) => sum + e.node.clickSeries.reduce((s: number, b: any) => s + b.clicks, 0), 0);

    const run = (body: string, durationSeconds = options.durationSeconds) =>
      load(`${server.url}/graphql`, { method: "POST", headers, body, connections: options.connections, durationSeconds });
    await run(trivial, 1);
    await run(page, 1);
    const baseline = await run(trivial);
    const linksPage = await run(page);

    // The second baseline: the same SQL with pg behind bare node:http, in this process.
    const workspaceId = await withPool(
      database.url,
      async (pool) => (await pool.query(`SELECT "workspaceId" FROM "Link" LIMIT 1`)).rows[0].workspaceId as string,
    );
    const bare = await startBaselineLinksServer(database.url, workspaceId);
    let bareBaseline;
    let bareBytes;
    try {
      bareBytes = (await (await fetch(bare.url, { method: "POST", body: page })).text()).length;
      const runBare = (durationSeconds: number) =>
        load(bare.url, { method: "POST", headers, body: page, connections: options.connections, durationSeconds });
      await runBare(1);
      bareBaseline = await runBare(options.durationSeconds);
    } finally {
      await bare.close();
    }

    const statements = await countStatements(database.url, token, page);
    const ratio = linksPage.requestsPerSecond / baseline.requestsPerSecond;
    const bareRatio = linksPage.requestsPerSecond / bareBaseline.requestsPerSecond;
    return [
      {
        name: "GraphQL links page (50 links + owner + clickCount + 24 h series) vs bare node:http + pg, same SQL and JSON",
        goal: "≥ 0.50×",
        ratio: bareRatio,
        met: bareRatio >= 0.5,
        detail: { connections: options.connections, bareBaseline, linksPage, bareResponseBytes: bareBytes, typenameRatio: ratio },
      },
      {
        name: "GraphQL links page (50 links + owner + clickCount + 24 h series) vs { __typename }",
        goal: "≥ 0.50×",
        ratio,
        met: ratio >= 0.5,
        detail: {
          connections: options.connections,
          baseline,
          linksPage,
          linksReturned: edges.length,
          bucketsPerLink: edges[0]?.node.clickSeries.length,
          clicksInSeries,
          sqlStatementsPerRequest: statements.warm,
          sqlStatementsFirstRequest: statements.first,
          sqlStatements: statements.sample,
          responseBytes: JSON.stringify(sample).length,
        },
      },
    ];
  } finally {
    await server.stop();
    await database.drop();
  }
}

async function withPool<T>(url: string, use: (pool: pg.Pool) => Promise<T>) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await use(pool);
  } finally {
    await pool.end();
  }
}

/** The statements one links page sends, counted by an in-process app on the same database. */
async function countStatements(databaseUrl: string, token: string, body: string) {
  const statements: string[] = [];
  const app = await createApp(
    loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      PUBLIC_BASE_URL,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      PERSISTED_QUERIES_ONLY: "false",
      WEBHOOK_WORKER: "false",
      CLICK_CAPTURE: "false",
    }),
    { onQuery: (sql) => statements.push(sql) },
  );
  try {
    const { port } = await app.listen();
    const send = async () => {
      statements.length = 0;
      const response = (await (
        await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body,
        })
      ).json()) as any;
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return [...statements];
    };
    const first = await send();
    const warm = await send();
    return { first: first.length, warm: warm.length, sample: warm.map((sql) => sql.replace(/\s+/g, " ").slice(0, 160)) };
  } finally {
    await app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await benchGraphQLLinks({
    durationSeconds: Number(process.env.BENCH_DURATION_SECONDS ?? 5),
    connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  });
  for (const row of rows) console.log(`${row.name}: ${row.ratio.toFixed(2)}× (goal ${row.goal}) ${JSON.stringify(row.detail, null, 1)}`);
}
