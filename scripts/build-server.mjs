// `npm run build:server`: bundles the server, the webhook worker and the migrator into dist/server,
// run in production by plain `node` (packages stay in node_modules). Type checking is separate:
// `npm run typecheck`.
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}dist/server`;

await rm(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    server: "src/server.ts",
    "webhook-worker": "src/webhooks/worker-main.ts",
    migrate: "src/db/migrate-cli.ts",
  },
  outdir: out,
  bundle: true,
  splitting: true,
  packages: "external",
  format: "esm",
  platform: "node",
  target: "node24",
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});
