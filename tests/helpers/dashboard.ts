import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { startTestApp, type TestApp } from "./test-app.js";

/** Screenshots of the browser journeys, kept as CI artifacts (gitignored). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, "../../test-artifacts");
export const PASSWORD = "correct horse battery";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The app as a browser meets it: PUBLIC_BASE_URL is the address the browser uses, so the refresh
 * cookie's origin check, provider callbacks and short URLs all line up.
 */
export async function startDashboardApp<T extends TestApp = TestApp>(
  env: Record<string, string> | ((publicBaseUrl: string) => Promise<Record<string, string>>) = {},
  start: (env: Record<string, string>) => Promise<T> = startTestApp as never,
): Promise<T> {
  const port = await freePort();
  const publicBaseUrl = `http://127.0.0.1:${port}`;
  return start({ PORT: String(port), PUBLIC_BASE_URL: publicBaseUrl, ...(typeof env === "function" ? await env(publicBaseUrl) : env) });
}

/** Collects console errors, page errors and any request leaving the app's origin (a CDN, say). */
export function watchPage(page: Page, baseUrl: string) {
  const problems: string[] = [];
  const foreign: string[] = [];
  const host = new URL(baseUrl).host;
  page.on("console", (message) => {
    // A refused request already shows as an error in the UI and fails the test where it matters.
    if (message.type() === "error" && !/Failed to load resource/.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  // Requests our pages make (not navigations away, such as to a sign-in provider, nor the provider's own pages).
  page.on("request", (request) => {
    const url = new URL(request.url());
    const from = new URL(request.frame().url() || "about:blank");
    if (request.isNavigationRequest() || from.host !== host) return;
    if (!["data:", "blob:"].includes(url.protocol) && url.host !== host) foreign.push(request.url());
  });
  return { problems, foreign };
}

export async function screenshot(page: Page, name: string) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

/** Fills the sign-in page as a person would. */
export async function signInWithPassword(page: Page, email: string, password = PASSWORD, mode: "Sign in" | "Create account" = "Sign in") {
  if (mode === "Create account") await page.getByRole("button", { name: "Create account" }).first().click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.locator("form").getByRole("button", { name: mode }).click();
}

export async function expectSignedIn(page: Page, email: string) {
  await expect.poll(() => page.locator("header.top .email").textContent(), { timeout: 15_000 }).toBe(email);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG 2.1 A/AA checks on the page as it is now (labels, names, roles, contrast…):
 * the violations, as "rule: target" lines, so a failing test says what to fix.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's content security policy rightly refuses inline scripts.
  await page.evaluate(AXE);
  const results = await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(" ")}`));
}
