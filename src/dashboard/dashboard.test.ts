import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";
import { createDashboardRoute } from "./dashboard-route.js";

// How the built app is served; what it does in a browser is in the dashboard-*.test.ts journeys.
let test: TestApp;

beforeAll(async () => {
  test = await startTestApp();
});
afterAll(async () => {
  await test?.close();
});

describe("the dashboard at /dashboard", () => {
  it("serves its assets with a strict content security policy and nothing from elsewhere", async () => {
    const html = await fetch(`${test.baseUrl}/dashboard`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-security-policy")).toContain("script-src 'self'");
    const body = await html.text();
    expect(body).not.toMatch(/https?:\/\//);
    // Vite's bundle: hashed file names, cached for good, everything same-origin.
    const assets = [...body.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((asset) => asset.endsWith(".js"))).toBe(true);
    expect(assets.some((asset) => asset.endsWith(".css"))).toBe(true);
    for (const asset of assets) {
      const response = await fetch(`${test.baseUrl}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toContain("immutable");
      expect(response.headers.get("content-type")).toMatch(asset.endsWith(".js") ? /javascript/ : /text\/css/);
    }
    expect((await fetch(`${test.baseUrl}/dashboard/nope.js`)).status).toBe(404);
    // The app's own routes (no file extension) get the page; nothing outside the bundle is served.
    const route = await fetch(`${test.baseUrl}/dashboard/links/launch`);
    expect(route.status).toBe(200);
    expect(route.headers.get("content-type")).toContain("text/html");
    expect((await fetch(`${test.baseUrl}/dashboard/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it("answers 503 with what to run when the dashboard was never built", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "linkgraph-no-dashboard-"));
    const server = createServer((req, res) =>
      createDashboardRoute({ log: test.app.services.log }, empty)(req, res, new URL(req.url!, "http://x").pathname),
    );
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
