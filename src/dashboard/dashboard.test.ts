import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../../tests/helpers/chromium.js";
import { BROWSER_UA } from "../../tests/helpers/live.js";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";
import { createDashboardRoute } from "./dashboard-route.js";

const run = promisify(execFile);

let test: TestApp;
let browser: Browser;

/** A redirect as curl sends it, but with a browser's user agent (curl itself is a bot). */
const curl = (slug: string) => run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-A", BROWSER_UA, `${test.baseUrl}/${slug}`]).then(({ stdout }) => stdout);

beforeAll(async () => {
  test = await startTestApp();
  if (chromiumAvailable) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await test?.close();
});

describe.skipIf(!chromiumAvailable)("the dashboard at /dashboard", () => {
  it("signs in, lists the links with counts and sparklines, and updates them live as redirects happen", async () => {
    const user = await test.signUp();
    const create = (url: string) =>
      test.gql(`mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { slug } } }`, { input: { url } }, { token: user.token }).then((r) => r.data.createLink.link.slug as string);
    const quiet = await create("https://example.com/quiet");
    const busy = await create("https://example.com/busy");
    expect(await curl(busy)).toBe("302");
    await test.app.services.clickPipeline.flush();

    const page = await browser.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("request", (request) => !request.url().startsWith(test.baseUrl) && !request.url().startsWith(test.baseUrl.replace("http", "ws")) && foreign.push(request.url()));

    await page.goto(`${test.baseUrl}/dashboard`);
    await page.fill('#sign-in input[name="email"]', user.email);
    await page.fill('#sign-in input[name="password"]', "correct horse battery");
    await page.click('#sign-in button[type="submit"]');

    const count = (slug: string) => page.locator(`tr[data-slug="${slug}"] td.count`);
    await expect.poll(() => count(busy).getAttribute("data-count"), { timeout: 15_000 }).toBe("1");
    expect(await count(quiet).getAttribute("data-count")).toBe("0");
    await expect.poll(() => page.locator("#live-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
    expect(await page.locator("#sign-in").isVisible()).toBe(false);
    const sparkTotal = async (slug: string) =>
      ((await page.locator(`tr[data-slug="${slug}"] svg.sparkline`).getAttribute("data-values")) ?? "").split(",").reduce((sum, n) => sum + Number(n), 0);
    expect(await sparkTotal(busy)).toBe(1);

    for (let i = 0; i < 3; i++) expect(await curl(busy)).toBe("302");
    await expect.poll(() => count(busy).getAttribute("data-count"), { timeout: 15_000 }).toBe("4");
    expect(await count(busy).textContent()).toBe("4");
    expect(await sparkTotal(busy)).toBe(4);
    expect(await count(quiet).getAttribute("data-count")).toBe("0");

    // A reload keeps the session and shows the stored totals.
    await page.reload();
    await expect.poll(() => count(busy).getAttribute("data-count"), { timeout: 15_000 }).toBe("4");
    expect(await curl(quiet)).toBe("302");
    await expect.poll(() => count(quiet).getAttribute("data-count"), { timeout: 15_000 }).toBe("1");

    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("shows a clear message for a wrong password", async () => {
    const user = await test.signUp();
    const page = await browser.newPage();
    await page.goto(`${test.baseUrl}/dashboard`);
    await page.fill('#sign-in input[name="email"]', user.email);
    await page.fill('#sign-in input[name="password"]', "not the password");
    await page.click('#sign-in button[type="submit"]');
    await expect.poll(() => page.locator("#sign-in-error").textContent(), { timeout: 15_000 }).not.toBe("");
    expect(await page.locator("#links-view").isHidden()).toBe(true);
    await page.close();
  });
});

describe("the dashboard's prebuilt assets", () => {
  it("serves its assets with a strict content security policy and nothing from elsewhere", async () => {
    const html = await fetch(`${test.baseUrl}/dashboard`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-security-policy")).toContain("script-src 'self'");
    const body = await html.text();
    expect(body).not.toMatch(/https?:\/\//);
    const script = await fetch(`${test.baseUrl}/dashboard/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect((await fetch(`${test.baseUrl}/dashboard/nope.js`)).status).toBe(404);
    // The app's own routes (no file extension) get the page; nothing outside the bundle is served.
    const route = await fetch(`${test.baseUrl}/dashboard/links/launch`);
    expect(route.status).toBe(200);
    expect(route.headers.get("content-type")).toContain("text/html");
    expect((await fetch(`${test.baseUrl}/dashboard/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it("answers 503 with what to run when the dashboard was never built", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "linkgraph-no-dashboard-"));
    const server = createServer((req, res) => createDashboardRoute({ log: test.app.services.log }, empty)(req, res, new URL(req.url!, "http://x").pathname));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/dashboard`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("npm run build:dashboard");
    } finally {
      server.close();
      await rm(empty, { recursive: true });
    }
  });
});
