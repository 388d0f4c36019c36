// The dashboard's browser bundle: `npm run build:dashboard` writes it to dist/dashboard, which the
// server serves at /dashboard (src/dashboard/dashboard-route.ts). Everything is bundled: no CDN.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { getOperationAST, parse } from "graphql";
import { defineConfig, type Plugin } from "vite";

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const MANIFEST = here("../../persisted-queries/dashboard/__generated__/persisted-documents.json");
const VIRTUAL = "virtual:persisted-operations";

/**
 * `import ids from "virtual:persisted-operations"`: operation name → persisted document id, read
 * from the manifest `npm run codegen` writes. The bundle carries ids only, never document text.
 */
function persistedOperationIds(): Plugin {
  return {
    name: "linkgraph-persisted-operation-ids",
    resolveId: (source) => (source === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      this.addWatchFile(MANIFEST);
      const documents = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, string>;
      const ids: Record<string, string> = {};
      for (const [documentId, text] of Object.entries(documents)) {
        const name = getOperationAST(parse(text))?.name?.value;
        if (name) ids[name] = documentId;
      }
      return `export default ${JSON.stringify(ids)};`;
    },
  };
}

// Development: `npm start` on :3000 (or DASHBOARD_API), then `npx vite web/dashboard` proxies to it.
const api = process.env.DASHBOARD_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  root: here("."),
  base: "/dashboard/",
  plugins: [preact(), persistedOperationIds()],
  build: {
    outDir: here("../../dist/dashboard"),
    emptyOutDir: true,
    target: "es2022",
    // The content security policy allows scripts and styles from 'self' only.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true },
      "/auth": api,
    },
  },
});
