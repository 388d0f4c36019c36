// `npm run schema:check` (and .ci/run): fails when schema.graphql breaks clients compared with
// main's version (the merge-base; on main, the previous commit), unless the change is listed in
// schema-changes.acknowledged.json. Removals must be @deprecated first. SCHEMA_BASE_REF overrides.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { compareSchemas, parseAcknowledgements, resolveBase } from "./schema-compat.js";

const root = process.cwd();
const SCHEMA_FILE = "schema.graphql";
const ACK_FILE = "schema-changes.acknowledged.json";

const base = resolveBase(root, SCHEMA_FILE, process.env.SCHEMA_BASE_REF || undefined);
if ("skip" in base) {
  console.log(`schema compatibility: nothing to compare (${base.skip})`);
  process.exit(0);
}
const current = readFileSync(path.join(root, SCHEMA_FILE), "utf8");
const acknowledgements = existsSync(path.join(root, ACK_FILE)) ? parseAcknowledgements(readFileSync(path.join(root, ACK_FILE), "utf8")) : [];
const report = await compareSchemas(base.sdl, current, acknowledgements);

console.log(
  `schema compatibility against ${base.ref.slice(0, 12)}: ${report.safe} safe, ${report.warnings.length} dangerous, ${report.acknowledged.length} acknowledged, ${report.failures.length} breaking`,
);
for (const line of report.warnings) console.log(`  dangerous:    ${line}`);
for (const line of report.acknowledged) console.log(`  acknowledged: ${line}`);
for (const line of report.failures) console.error(`  BREAKING:     ${line}`);
process.exit(report.failures.length > 0 ? 1 : 0);
