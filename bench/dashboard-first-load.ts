// The dashboard's first load: bytes of JS and CSS the browser downloads (raw, gzip, brotli), and
// time to interactive in Chromium over loopback with an empty cache, signed out (the sign-in form
// accepts input) and signed in (the refresh cookie becomes a session, the links table shows its
// totals, the live connection is open). The server runs in production mode (persisted operations
// only), on a scratch PostgreSQL database. Run alone: `npx tsx bench/dashboard-first-load.ts`.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { getOperationAST, parse } from "graphql";
import { launchChromium } from "../tests/helpers/chromium.js";
import { root, startLinkgraph } from "./lib/processes.js";
import { createScratchDatabase } from "./lib/scratch-db.js";
import type { BenchmarkRow } from "./redirect.js";

const PORT = Number(process.env.BENCH_DASHBOARD_PORT ?? 47100);
const BASE = `http://127.0.0.1:${PORT}`;
const GOAL_GZIP_KB = 100;
const GOAL_INTERACTIVE_MS = 1_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

function bundleSizes() {
  const dir = path.join(root, "dist/dashboard");
  const html = readFileSync(path.join(dir, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/dashboard\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const sizes = { js: { raw: 0, gzip: 0, brotli: 0 }, css: { raw: 0, gzip: 0, brotli: 0 } };
  for (const file of files) {
    const body = readFileSync(path.join(dir, file));
    const kind = file.endsWith(".js") ? sizes.js : sizes.css;
    kind.raw += body.length;
    kind.gzip += gzipSync(body, { level: 9 }).length;
    kind.brotli += brotliCompressSync(body).length;
  }
  // Chunks loaded on demand (the chart pages), not part of the first load.
  const later = readdirSync(path.join(dir, "assets"))
    .filter((file) => !files.includes(`assets/${file}`))
    .map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(dir, "assets", file)), { level: 9 }).length }));
  return { files, html: Buffer.byteLength(html), ...sizes, later };
}

/** The dashboard's persisted id of an operation, as the browser sends it. */
function documentId(name: string) {
  const manifest = JSON.parse(readFileSync(path.join(root, "persisted-queries/dashboard/__generated__/persisted-documents.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.keys(manifest).find((key) => getOperationAST(parse(manifest[key]!))?.name?.value === name)!;
}

async function persisted(name: string, variables: object, token?: string) {
  const id = documentId(name);
  const response = await fetch(`${BASE}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ documentId: id, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function benchDashboardFirstLoad(options: { samples: number }): Promise<BenchmarkRow[]> {
  if (process.env.BENCH_SKIP_BUILD !== "true") execFileSync("npm", ["run", "--silent", "build:dashboard"], { cwd: root, stdio: "inherit" });
  const sizes = bundleSizes();
  const database = await createScratchDatabase("dashboard");
  const server = await startLinkgraph(PORT, {
    DATABASE_URL: database.url,
    NODE_ENV: "production",
    PUBLIC_BASE_URL: BASE,
    PERSISTED_QUERIES_ONLY: "true",
  });
  const browser = await launchChromium();
  try {
    const email = `bench-${Date.now()}@example.com`;
    const password = "correct horse battery";
    const { signUp } = await persisted("DashboardSignUp", { input: { email, password } });
    for (let i = 0; i < 20; i++)
      await persisted("DashboardCreateLink", { input: { url: `https://example.com/${i}`, tags: ["bench"] } }, signUp.accessToken);

    const signedOut: number[] = [];
    const signedIn: number[] = [];
    const live: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      // A new context each time: empty cache, no cookies.
      const anonymous = await browser.newContext();
      const page = await anonymous.newPage();
      await page.goto(`${BASE}/dashboard`);
      await page.locator('input[name="email"]').waitFor();
      signedOut.push(await page.evaluate(() => performance.now()));
      await anonymous.close();

      const returning = await browser.newContext();
      // Signed in earlier: the refresh cookie is all the browser has (the request shares the context's cookies, not its cache).
      await returning.request.post(`${BASE}/graphql`, {
        headers: { origin: BASE },
        data: logInBody(email, password),
      });
      const again = await returning.newPage();
      await again.goto(`${BASE}/dashboard`);
      await again.locator("tr[data-slug]").first().waitFor();
      signedIn.push(await again.evaluate(() => performance.now()));
      await again.locator('#live-status[data-state="live"]').waitFor();
      live.push(await again.evaluate(() => performance.now()));
      await returning.close();
    }
    const gzipTotal = sizes.js.gzip + sizes.css.gzip;
    const interactive = median(signedIn);
    return [
      {
        name: "dashboard first load: JS + CSS, gzip",
        goal: `≤ ${GOAL_GZIP_KB} KB`,
        result: `${kb(gzipTotal)} KB gzip (JS ${kb(sizes.js.gzip)} KB, CSS ${kb(sizes.css.gzip)} KB; raw ${kb(sizes.js.raw + sizes.css.raw)} KB; brotli ${kb(sizes.js.brotli + sizes.css.brotli)} KB)`,
        ratio: (GOAL_GZIP_KB * 1024) / gzipTotal,
        met: gzipTotal <= GOAL_GZIP_KB * 1024,
        detail: sizes,
      },
      {
        name: "dashboard time to interactive, loopback, empty cache",
        goal: `≤ ${GOAL_INTERACTIVE_MS} ms signed in`,
        result: `signed out ${Math.round(median(signedOut))} ms (sign-in form); signed in ${Math.round(interactive)} ms (links with totals), live at ${Math.round(median(live))} ms`,
        ratio: GOAL_INTERACTIVE_MS / interactive,
        met: interactive <= GOAL_INTERACTIVE_MS,
        detail: {
          samples: options.samples,
          signedOutMs: signedOut.map(Math.round),
          signedInMs: signedIn.map(Math.round),
          liveMs: live.map(Math.round),
        },
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
    await database.drop();
  }
}

function logInBody(email: string, password: string) {
  return { documentId: documentId("DashboardLogIn"), variables: { input: { email, password, refreshTokenDelivery: "COOKIE" } } };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const rows = await benchDashboardFirstLoad({ samples: Number(process.env.BENCH_DASHBOARD_SAMPLES ?? 5) });
  for (const row of rows) console.log(`${row.name}: ${row.result} — goal ${row.goal}: ${row.met ? "met" : "NOT met"}`);
  console.log(
    JSON.stringify(
      rows.map((row) => row.detail),
      null,
      2,
    ),
  );
}
