// `npm run build:server`: bundles the server, the webhook worker, the migrator and the admin command into dist/server,
// run in production by plain `node` (packages stay in node_modules). Type checking is separate:
// `npm run typecheck`.
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}dist/server`;

await rm(out, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    server: "src/server.ts",
    "webhook-worker": "src/webhooks/worker-main.ts",
    migrate: "src/db/migrate-cli.ts",
    admin: "src/access/admin-cli.ts",
  },
  outdir: out,
  bundle: true,
  splitting: true,
  // Dependencies are bundled too: loading one file instead of hundreds from node_modules is most of
  // the start-up time. Left external: packages that load files beside themselves at run time
  // (PGlite's WebAssembly and data, Prisma's query compiler) or ship native binaries.
  external: ["@electric-sql/*", "@prisma/client", "@node-rs/*", "pg-native"],
  mainFields: ["main", "module"],
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: 'import { createRequire as __lgCreateRequire } from "node:module"; const require = __lgCreateRequire(import.meta.url);' },
  format: "esm",
  platform: "node",
  target: "node24",
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
  metafile: true,
});

// The packages the bundle still imports at run time: the image installs only these (and what they need).
// Imports of undeclared packages are optional ones that their users load inside try/catch (ws's
// bufferutil, pg's pg-native).
const { dependencies } = JSON.parse(await readFile(`${root}package.json`, "utf8"));
const packageName = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
const runtimePackages = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imported of output.imports) {
    if (!imported.external || isBuiltin(imported.path) || imported.path.startsWith(".")) continue;
    const name = packageName(imported.path);
    if (dependencies[name]) runtimePackages.add(name);
  }
}
await writeFile(`${out}/runtime-packages.json`, `${JSON.stringify([...runtimePackages].sort(), null, 2)}\n`);

// The REST API's reference page (/api/v1/docs) serves Swagger UI's files: copied here, so the image
// needs no package for them (swagger-ui-dist is a devDependency).
await mkdir(`${out}/api-docs`, { recursive: true });
for (const file of ["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"]) {
  await copyFile(`${root}node_modules/swagger-ui-dist/${file}`, `${out}/api-docs/${file}`);
}
