// Runs after `npm install` / `npm ci`: generates the Prisma client, then builds dist/ (server bundle
// and dashboard), so `npm start` works right after install. A production install
// (`npm ci --omit=dev`, as in the image) has neither Prisma's CLI nor esbuild and needs neither:
// it runs a dist/ built beforehand.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const has = (pkg) => existsSync(`${root}node_modules/${pkg}/package.json`);
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!has("prisma") || !has("esbuild")) {
  console.log("linkgraph: build tools not installed (production install): skipping prisma generate and the build");
  process.exit(0);
}
run(process.execPath, ["scripts/prisma-generate.mjs"]);
run("npm", ["run", "--silent", "build"]);
