// `npm run bench`: every benchmark as a ratio against a baseline measured in the same run on this
// machine. Prints a table and writes bench/results/latest.json. Loopback only, bounded in time.
import { cpus, totalmem } from "node:os";
import { mkdirSync, writeFileSync } from "node:fs";
import { benchRedirect, type BenchmarkRow } from "./redirect.js";
import { benchRedirectPipeline } from "./redirect-pipeline.js";

const durationSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const rows: BenchmarkRow[] = [];
rows.push(...(await benchRedirect({ durationSeconds, connections })));
rows.push(...(await benchRedirectPipeline({ durationSeconds, connections })));

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
console.log(`\nLinkgraph benchmarks — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);
console.table(rows.map((row) => ({ benchmark: row.name, ratio: `${row.ratio.toFixed(2)}×`, goal: row.goal, met: row.met ? "yes" : "NO" })));
for (const row of rows) console.log(row.name, JSON.stringify(row.detail));

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/latest.json", import.meta.url), JSON.stringify({ ranAt: new Date().toISOString(), machine, rows }, null, 2));
