// Runs `prisma generate`. Prisma's CLI downloads a native schema engine at start-up, which
// fails on machines without internet access; generate itself does not need that engine, so
// on failure we retry with PRISMA_SCHEMA_ENGINE_BINARY pointing at a stand-in script.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (env) => spawnSync("npx", ["--no-install", "prisma", "generate"], { cwd: root, env, stdio: "pipe", encoding: "utf8" });

let result = run(process.env);
if (result.status !== 0) {
  const stub = fileURLToPath(new URL("./schema-engine-unavailable.sh", import.meta.url));
  result = run({ ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub });
}
process.stdout.write(result.stdout ?? "");
if (result.status !== 0) {
  process.stderr.write(result.stderr ?? "");
  process.exit(result.status ?? 1);
}
