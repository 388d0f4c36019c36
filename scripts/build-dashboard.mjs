// `npm run build:dashboard`: the dashboard's browser bundle, built ahead of time into dist/dashboard
// (index.html, app.css, app.js), which the server serves as static files. See /dashboard.
import { copyFile, mkdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const source = (file) => fileURLToPath(new URL(`../src/dashboard/client/${file}`, import.meta.url));
const out = fileURLToPath(new URL("../dist/dashboard/", import.meta.url));

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [source("main.ts")],
  outfile: `${out}app.js`,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});
await copyFile(source("index.html"), `${out}index.html`);
await copyFile(source("app.css"), `${out}app.css`);
