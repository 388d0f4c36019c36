// `npm run bench`: every benchmark as a ratio against a baseline measured in the same run on this
// machine. Prints a table and writes bench/results/latest.json. Loopback only, bounded in time.
import { cpus, loadavg, totalmem } from "node:os";
import { mkdirSync, writeFileSync } from "node:fs";
import { benchRedirect, type BenchmarkRow } from "./redirect.js";
import { benchRedirectDomains } from "./redirect-domains.js";
import { benchRedirectPipeline } from "./redirect-pipeline.js";
import { benchRedirectRules } from "./redirect-rules.js";
import { benchGraphQLLinks } from "./graphql-links.js";
import { benchLiveCounts } from "./live-counts.js";
import { benchClickIngestion } from "./click-ingestion.js";
import { benchDashboardFirstLoad } from "./dashboard-first-load.js";
import { benchFootprint } from "./footprint.js";

// Knobs (defaults: the whole suite in about 8–10 minutes on 2 cores).
const durationSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const liveSizes = (process.env.BENCH_LIVE_SUBSCRIBERS ?? "1,10000").split(",").map(Number);
const liveSamples = Number(process.env.BENCH_LIVE_SAMPLES ?? 20);
const ingestClicks = Number(process.env.BENCH_INGEST_CLICKS ?? 200_000);
/** e.g. BENCH_ONLY=graphql,live — any of redirect, domains, pipeline, rules, graphql, live, ingest, footprint, dashboard. */
const only = process.env.BENCH_ONLY?.split(",");
const wanted = (name: string) => !only || only.includes(name);

// The machine's load before we start: other work on it moves every number.
const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
const rows: BenchmarkRow[] = [];
if (wanted("redirect")) rows.push(...(await benchRedirect({ durationSeconds, connections })));
if (wanted("domains")) rows.push(...(await benchRedirectDomains({ durationSeconds, connections })));
if (wanted("pipeline")) rows.push(...(await benchRedirectPipeline({ durationSeconds, connections })));
if (wanted("rules")) rows.push(...(await benchRedirectRules({ durationSeconds, connections })));
if (wanted("graphql")) rows.push(...(await benchGraphQLLinks({ durationSeconds, connections })));
if (wanted("live")) {
  rows.push(...(await benchLiveCounts({ sizes: liveSizes, samples: liveSamples })));
  // The same at the largest size with the redirects served by a second process: deltas cross Redis.
  rows.push(...(await benchLiveCounts({ sizes: [Math.max(...liveSizes)], samples: liveSamples, instances: 2 })));
}
if (wanted("ingest")) rows.push(...(await benchClickIngestion({ clicks: ingestClicks })));
if (wanted("footprint")) rows.push(...(await benchFootprint()));
if (wanted("dashboard")) rows.push(...(await benchDashboardFirstLoad({ samples: Number(process.env.BENCH_DASHBOARD_SAMPLES ?? 5) })));

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
console.log(
  `\nLinkgraph benchmarks — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; load average before: ${loadBefore.join(", ")}\n`,
);
console.table(
  rows.map((row) => ({
    benchmark: row.name,
    ratio: `${row.ratio.toFixed(2)}×`,
    result: row.result ?? "",
    goal: row.goal,
    met: row.met ? "yes" : "NO",
  })),
);
for (const row of rows) console.log(row.name, JSON.stringify(row.detail));

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest.json", import.meta.url),
  JSON.stringify({ ranAt: new Date().toISOString(), machine, loadAverageBefore: loadBefore, rows }, null, 2),
);
