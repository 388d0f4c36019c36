import { readFileSync } from "node:fs";
import { getOperationAST, parse } from "graphql";
import { launchChromium } from "../../tests/helpers/chromium.js";
import { startLinkgraph } from "../lib/processes.js";
import { createScratchDatabase } from "../lib/scratch-db.js";
const PORT = 47300, BASE = `http://127.0.0.1:${PORT}`;
const manifest = JSON.parse(readFileSync("persisted-queries/dashboard/__generated__/persisted-documents.json", "utf8"));
const idOf = (n: string) => Object.keys(manifest).find((k) => getOperationAST(parse(manifest[k]))?.name?.value === n)!;
const nameOf = new Map(Object.keys(manifest).map((k) => [k, getOperationAST(parse(manifest[k]))?.name?.value]));
async function op(name: string, variables: object, token?: string) {
  const r = await fetch(`${BASE}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ documentId: idOf(name), variables }) });
  const b: any = await r.json(); if (b.errors) throw new Error(JSON.stringify(b.errors)); return b.data;
}
const db = await createScratchDatabase("tti");
const server = await startLinkgraph(PORT, { DATABASE_URL: db.url, NODE_ENV: "production", PUBLIC_BASE_URL: BASE, PERSISTED_QUERIES_ONLY: "true" });
const browser = await launchChromium();
try {
  const email = `t-${Date.now()}@example.com`, password = "correct horse battery";
  const { signUp } = await op("DashboardSignUp", { input: { email, password } });
  for (let i = 0; i < 20; i++) await op("DashboardCreateLink", { input: { url: `https://example.com/${i}`, tags: ["bench"] } }, signUp.accessToken);
  for (let s = 0; s < 3; s++) {
    const ctx = await browser.newContext();
    await ctx.request.post(`${BASE}/graphql`, { headers: { origin: BASE }, data: { documentId: idOf("DashboardLogIn"), variables: { input: { email, password, refreshTokenDelivery: "COOKIE" } } } });
    const page = await ctx.newPage();
    const log: string[] = [];
    page.on("requestfinished", async (req) => {
      const t = req.timing(); const body = req.postData() ?? ""; const m = /"documentId":"([^"]+)"/.exec(body) ?? /documentId=([^&]+)/.exec(req.url());
      log.push(`${t.startTime.toFixed(0)} +${t.responseEnd.toFixed(0)} ${req.method()} ${req.url().replace(BASE, "").slice(0, 50)} ${m ? nameOf.get(decodeURIComponent(m[1])) : ""}`);
    });
    const t0 = Date.now();
    await page.goto(`${BASE}/dashboard`);
    await page.locator("tr[data-slug]").first().waitFor();
    const tti = await page.evaluate(() => performance.now());
    const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType("navigation")[0]));
    console.log("TTI", tti.toFixed(0), "wall", Date.now() - t0, JSON.parse(nav).domContentLoadedEventEnd.toFixed(0));
    console.log(log.sort().join("\n"));
    await ctx.close();
  }
} finally { await browser.close(); await server.stop(); await db.drop(); }
