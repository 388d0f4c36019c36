// `npm run openapi:check` (and .ci/run): fails when docs/openapi.json breaks REST clients compared with
// main's version (the merge-base; on main, the previous commit) without a major version bump
// (info.version, which goes with a new /api/vN prefix). OPENAPI_BASE_REF overrides the base.
import { readFileSync } from "node:fs";
import path from "node:path";
import { compareOpenApi } from "./openapi-compat.js";
import { resolveBase } from "./schema-compat.js";

const root = process.cwd();
const FILE = "docs/openapi.json";

const base = resolveBase(root, FILE, process.env.OPENAPI_BASE_REF || undefined);
if ("skip" in base) {
  console.log(`OpenAPI compatibility: nothing to compare (${base.skip})`);
  process.exit(0);
}
const current = JSON.parse(readFileSync(path.join(root, FILE), "utf8"));
const report = compareOpenApi(JSON.parse(base.sdl), current);
console.log(
  `OpenAPI compatibility against ${base.ref.slice(0, 12)}: ${report.failures.length} breaking${report.majorBump ? " (major version bump: allowed)" : ""}`,
);
for (const line of report.failures) console.error(`  BREAKING: ${line}`);
if (report.failures.length > 0)
  console.error(`Make the change additive, or deprecate first (Deprecation/Sunset) and bump info.version's major with a new /api/vN.`);
process.exit(report.failures.length > 0 ? 1 : 0);
