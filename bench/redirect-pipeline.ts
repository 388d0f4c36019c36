// Redirect throughput with the click pipeline on (every redirect captured, enriched and stored in
// batches) against the same server with capture off (CLICK_CAPTURE=false), in one run on this
// machine, for one client and for a new visitor on every request. Rounds alternate so drift on a
// shared machine hits both sides.
// Run alone: `npx tsx bench/redirect-pipeline.ts`; `npm run bench` includes it.
import { pathToFileURL } from "node:url";
import type autocannon from "autocannon";
import { load, type LoadResult } from "./lib/load.js";
import { benchPort, graphql, signUpAndCreateLinks, startLinkgraph } from "./lib/processes.js";
import { createScratchDatabase, type ScratchDatabase } from "./lib/scratch-db.js";
import type { BenchmarkRow } from "./redirect.js";

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchRedirectPipeline(options: { durationSeconds: number; connections: number; rounds?: number }): Promise<BenchmarkRow[]> {
  return [
    await compare({ ...options, visitors: "one" }),
    await compare({ ...options, visitors: "many" }),
    await compare({ ...options, visitors: "many", postgres: true }),
  ];
}

/**
 * "one": a single client, as autocannon is: identical clicks in the same second share a stored
 * row, so the database does little. "many": every request from a different address (behind a
 * trusted proxy), so every click is its own row: the database's work on this same machine shows.
 * `postgres`: each server on its own scratch PostgreSQL database on 127.0.0.1:5432 (large batches
 * COPY there) rather than BENCH_DATABASE_URL or the embedded one, whose work runs in the server's process.
 */
async function compare(options: {
  durationSeconds: number;
  connections: number;
  rounds?: number;
  visitors: "one" | "many";
  postgres?: boolean;
}): Promise<BenchmarkRow> {
  const rounds = options.rounds ?? 6;
  const databases: ScratchDatabase[] = options.postgres
    ? [await createScratchDatabase("pipeline_on"), await createScratchDatabase("pipeline_off")]
    : [];
  const env = (i: number): Record<string, string> => ({
    ...(options.visitors === "many" ? { TRUST_PROXY: "1" } : {}),
    ...(databases[i] ? { DATABASE_URL: databases[i].url, NODE_ENV: "production" } : {}),
  });
  const [on, off] = [await startLinkgraph(benchPort(3), env(0)), await startLinkgraph(benchPort(4), { ...env(1), CLICK_CAPTURE: "false" })];
  try {
    const [onLink, offLink] = [await signUpAndCreateLinks(on.url, 1), await signUpAndCreateLinks(off.url, 1)];
    const target = (server: typeof on, link: typeof onLink) => `${server.url}/${link.slugs[0]}`;
    // A browser's user agent, so that every redirect is a counted, parsed click (not a bot).
    const headers = { "user-agent": BROWSER_UA, referer: "https://news.example/item" };
    let visitor = 0;
    const setupRequest =
      options.visitors === "many"
        ? (request: autocannon.Request) => {
            visitor = (visitor + 1) % 16_000_000;
            const address = `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
            return { ...request, headers: { ...request.headers, "x-forwarded-for": address } };
          }
        : undefined;
    const measure = (url: string, durationSeconds = options.durationSeconds) =>
      load(url, { connections: options.connections, durationSeconds, headers, setupRequest });

    await measure(target(off, offLink), 1); // warm-up
    await measure(target(on, onLink), 1);
    await sleep(1_500);
    const results: { on: LoadResult[]; off: LoadResult[] } = { on: [], off: [] };
    // Pairs alternate which side goes first; the "on" server's last batches land during the pauses.
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (["off", "on"] as const) : (["on", "off"] as const);
      for (const side of order) {
        results[side].push(await measure(side === "on" ? target(on, onLink) : target(off, offLink)));
        await sleep(1_500);
      }
    }
    // The median of the per-pair ratios: robust to a pair disturbed by other work on the machine.
    const ratios = results.on.map((r, i) => r.requestsPerSecond / results.off[i]!.requestsPerSecond).sort((a, b) => a - b);
    const ratio = ratios.length % 2 ? ratios[(ratios.length - 1) / 2]! : (ratios[ratios.length / 2 - 1]! + ratios[ratios.length / 2]!) / 2;

    // Every redirect the "on" server answered was stored: the pipeline keeps up, nothing dropped.
    await sleep(2_000);
    const stored = await graphql(
      on.url,
      `
        query ($slug: String!) {
          link(slug: $slug) {
            clickCount
          }
        }
      `,
      { slug: onLink.slugs[0] },
      onLink.token,
    );
    return {
      name: `redirect with click pipeline on vs off (${options.visitors === "one" ? "one client" : "a new visitor every request"}${options.postgres ? ", PostgreSQL" : ""})`,
      goal: "≥ 0.90×",
      ratio,
      met: ratio >= 0.9,
      detail: {
        connections: options.connections,
        rounds,
        pairRatios: ratios.map((r) => Number(r.toFixed(3))),
        offRequestsPerSecond: results.off.map((r) => r.requestsPerSecond),
        onRequestsPerSecond: results.on.map((r) => r.requestsPerSecond),
        onP99Ms: results.on.map((r) => r.p99Ms),
        offP99Ms: results.off.map((r) => r.p99Ms),
        clicksStoredByOnServer: stored.link.clickCount,
        errors: [...results.on, ...results.off].reduce((sum, r) => sum + r.errors + r.non2xx3xx, 0),
      },
    };
  } finally {
    await Promise.all([on.stop(), off.stop()]);
    for (const database of databases) await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await benchRedirectPipeline({
    durationSeconds: Number(process.env.BENCH_DURATION_SECONDS ?? 5),
    connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  });
  for (const row of rows) console.log(`${row.name}: ${row.ratio.toFixed(2)}× (goal ${row.goal}) ${JSON.stringify(row.detail)}`);
}
