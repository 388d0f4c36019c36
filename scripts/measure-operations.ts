// `npm run measure:operations`: how big our clients' persisted operations are (tokens, depth,
// aliases, directives, armor cost), and the limits that leave them room. The defaults of
// GRAPHQL_MAX_* come from this (with realistic hand-written reads); a test keeps them above it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, getOperationAST, parse } from "graphql";
import { loadConfig } from "../src/config.js";
import {
  HEADROOM,
  measureOperation,
  METRIC_LIMITS,
  REALISTIC_READS,
  recommendedLimits,
  type OperationMetrics,
} from "../src/graphql/gateway/operation-metrics.js";

const root = path.resolve(import.meta.dirname, "..");
const schema = buildSchema(readFileSync(path.join(root, "schema.graphql"), "utf8"));
const manifestsDir = path.join(root, "persisted-queries");

const rows: Array<{ operation: string } & OperationMetrics> = [];
for (const entry of readdirSync(manifestsDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
  const manifest = JSON.parse(readFileSync(path.join(entry.parentPath, entry.name), "utf8")) as Record<string, string>;
  const client = path.relative(manifestsDir, entry.parentPath).split(path.sep)[0];
  for (const text of Object.values(manifest)) {
    const name = getOperationAST(parse(text))?.name?.value ?? "(anonymous)";
    rows.push({ operation: `${client}/${name}`, ...measureOperation(schema, text) });
  }
}
rows.sort((a, b) => b.cost - a.cost);
console.table(rows);
const handWritten = Object.entries(REALISTIC_READS).map(([name, text]) => ({ read: name, ...measureOperation(schema, text) }));
console.log("\nrealistic hand-written reads (must fit the limits as they are):");
console.table(handWritten);

const recommended = recommendedLimits(rows);
const configured = loadConfig({ NODE_ENV: "development" }).gateway;
console.log(`\nlimits (largest measured × ${HEADROOM}, rounded up, never below the floor):`);
for (const key of Object.keys(METRIC_LIMITS) as Array<keyof OperationMetrics>) {
  const max = Math.max(0, ...rows.map((row) => row[key]));
  const current = configured[METRIC_LIMITS[key]] as number;
  const largestRead = Math.max(0, ...handWritten.map((row) => row[key]));
  const tooLow = current < recommended[key] || current < largestRead;
  console.log(
    `  ${key.padEnd(10)} largest ${String(max).padStart(6)}  recommended ≥ ${String(recommended[key]).padStart(6)}  hand-written ≤ ${String(largestRead).padStart(6)}  configured ${current}${tooLow ? "  ← too low" : ""}`,
  );
}
