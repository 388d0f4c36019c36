import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../../tests/helpers/chromium.js";
import {
  ARTIFACTS_DIR,
  accessibilityViolations,
  expectSignedIn,
  screenshot,
  signInWithPassword,
  startDashboardApp,
  watchPage,
} from "../../tests/helpers/dashboard.js";
import { BROWSER_UA } from "../../tests/helpers/live.js";
import { decodeQrPng } from "../../tests/helpers/qr.js";
import { testDatabase, type TestApp } from "../../tests/helpers/test-app.js";

// Browser journeys run once (PostgreSQL project), like the other dashboard tests.
const run = chromiumAvailable && testDatabase() === "postgres";

const IPHONE_UA = BROWSER_UA.replace("X11; Linux x86_64", "iPhone; CPU iPhone OS 17_0 like Mac OS X");
const ANDROID_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
const SLACK_UA = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
const ROUTING = `{ id slug title shortUrl rules { id url variants { id url weight } conditions { os languages query { name value } } }
  deepLinks { ios android } preview { title description imageUrl } }`;

let test: TestApp;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  test = await startDashboardApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await test?.close();
});

/** One redirect as a visitor's browser asks for it: status and Location, nothing followed. */
async function visit(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${test.baseUrl}/${path}`, { redirect: "manual", headers: { "user-agent": BROWSER_UA, ...headers } });
  return { status: response.status, location: response.headers.get("location"), body: await response.text() };
}

const rule = (page: Page, n: number) => page.getByRole("group", { name: `Rule ${n}`, exact: true });

describe.skipIf(!run)("dashboard journey: rules, an A/B split, deep links and a social preview edited in the browser", () => {
  it(
    "saves what was edited, shows the server's refusal at the rule it concerns, and the short link then redirects per rule",
    { timeout: 240_000 },
    async () => {
      const owner = await test.signUp();
      const slug = `rules-${randomUUID().slice(0, 8)}`;
      await test.gql(
        `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id } } }`,
        {
          input: { url: "https://example.com/home", slug, title: "Launch" },
        },
        { token: owner.token },
      );
      const readLink = async () =>
        (await test.gql(`query ($slug: String!) { link(slug: $slug) ${ROUTING} }`, { slug }, { token: owner.token })).data.link;

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const watched = watchPage(page, test.baseUrl);
      await page.goto(`${test.baseUrl}/dashboard`);
      await signInWithPassword(page, owner.email);
      await expectSignedIn(page, owner.email);
      await page.locator(`tr[data-slug="${slug}"]`).getByRole("button", { name: "Edit" }).click();
      await page.getByRole("heading", { name: `Edit ${slug}` }).waitFor();
      await page.getByText("No rules: every visitor goes to the destination URL.").waitFor();

      // Rule 1: German speakers. Rule 2: ?utm_source=mail gets an A/B split. Rule 3: Android, moved to the top.
      await page.getByRole("button", { name: "Add rule" }).click();
      await rule(page, 1).getByLabel("Languages").fill("de");
      await rule(page, 1).getByLabel("Destination").fill("https://example.com/de");
      await page.getByRole("button", { name: "Add rule" }).click();
      await rule(page, 2).getByLabel("Name").fill("Newsletter test");
      await rule(page, 2).getByLabel("Query parameters").fill("utm_source=mail");
      await rule(page, 2).getByLabel("An A/B split").check();
      await rule(page, 2).getByLabel("Variant A URL").fill("https://example.com/a");
      await rule(page, 2).getByLabel("Variant A weight").fill("60");
      await rule(page, 2).getByLabel("Variant B URL").fill("https://example.com/b");
      await rule(page, 2).getByLabel("Variant B weight").fill("50");
      await expect
        .poll(() =>
          rule(page, 2)
            .getByText(/Weights add up to 110%/)
            .count(),
        )
        .toBe(1);
      await page.getByRole("button", { name: "Add rule" }).click();
      await rule(page, 3).getByRole("group", { name: "Operating systems" }).getByLabel("Android").check();
      await rule(page, 3).getByLabel("Destination").fill("https://example.com/android");
      await page.getByRole("button", { name: "Move rule 3 up" }).click();
      // Focus stays with the moved rule, so the keyboard can move it on: Enter on "Move rule 2 up".
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Move rule 2 up");
      await page.keyboard.press("Enter");
      // At the top its Up button is disabled: focus moved to Down.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Move rule 1 down");
      expect(await rule(page, 1).getByLabel("Destination").inputValue()).toBe("https://example.com/android");
      expect(await rule(page, 2).getByLabel("Languages").inputValue()).toBe("de");
      await page.getByLabel("iOS app link").fill("myapp://launch");
      await page.getByLabel("Android app link").fill("https://play.google.com/store/apps/details?id=com.example");
      await page.getByLabel("Preview heading").fill("Our launch");
      await page.getByLabel("Preview description").fill("All the news, in one place");
      await page.getByLabel("Preview image URL").fill("https://cdn.example.com/card.png");
      expect(await accessibilityViolations(page)).toEqual([]);

      // 60 + 50 is refused by the server, and the refusal is shown at the split's rule (now rule 3), not at the top.
      await page.getByRole("button", { name: "Save changes" }).click();
      const refusal = rule(page, 3).getByRole("alert");
      await expect.poll(() => refusal.textContent(), { timeout: 15_000 }).toMatch(/^A\/B variants: weights must add up to 100/);
      expect(await rule(page, 3).getByLabel("Variant A weight").getAttribute("aria-invalid")).toBe("true");
      expect(await rule(page, 1).getByRole("alert").count()).toBe(0);
      expect((await readLink()).rules).toEqual([]);
      await screenshot(page, "link-rules-error");

      await rule(page, 3).getByLabel("Variant A weight").fill("50");
      // A forbidden deep link: the refusal shows in the Deep links section, the rules' alert is gone.
      await page.getByLabel("iOS app link").fill("javascript:alert(1)");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect
        .poll(() => page.getByRole("group", { name: "Deep links" }).getByRole("alert").textContent(), { timeout: 15_000 })
        .toMatch(/javascript/);
      expect(await page.getByLabel("iOS app link").getAttribute("aria-invalid")).toBe("true");
      expect(await rule(page, 3).getByRole("alert").count()).toBe(0);
      await page.getByLabel("iOS app link").fill("myapp://launch");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByRole("heading", { name: "Launch", level: 1 }).waitFor();
      const saved = await readLink();
      expect(saved.rules).toMatchObject([
        { url: "https://example.com/android", conditions: { os: ["ANDROID"], languages: null } },
        { url: "https://example.com/de", conditions: { languages: ["de"] } },
        {
          url: null,
          conditions: { query: [{ name: "utm_source", value: "mail" }] },
          variants: [
            { id: "A", url: "https://example.com/a", weight: 50 },
            { id: "B", url: "https://example.com/b", weight: 50 },
          ],
        },
      ]);
      expect(saved.deepLinks).toEqual({ ios: "myapp://launch", android: "https://play.google.com/store/apps/details?id=com.example" });
      expect(saved.preview).toEqual({ title: "Our launch", description: "All the news, in one place", imageUrl: "https://cdn.example.com/card.png" });

      // The editor shows it all back; changing only the title keeps the rules (and their ids) as they were.
      await page.getByRole("button", { name: "Edit link" }).click();
      await page.getByRole("heading", { name: `Edit ${slug}` }).waitFor();
      expect(await rule(page, 1).getByRole("group", { name: "Operating systems" }).getByLabel("Android").isChecked()).toBe(true);
      expect(await rule(page, 2).getByLabel("Languages").inputValue()).toBe("de");
      expect(await rule(page, 3).getByLabel("An A/B split").isChecked()).toBe(true);
      expect(await rule(page, 3).getByLabel("Variant B URL").inputValue()).toBe("https://example.com/b");
      expect(await page.getByLabel("Preview heading").inputValue()).toBe("Our launch");
      await screenshot(page, "link-rules-editor");
      await page.locator('section[aria-labelledby="rules-title"]').screenshot({ path: path.join(ARTIFACTS_DIR, "link-rules-section.png") });
      // Phone width: one column, nothing scrolls sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, "link-rules-editor-phone");
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByLabel("Title").first().fill("Launch, edited");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByRole("heading", { name: "Launch, edited", level: 1 }).waitFor();
      const retitled = await readLink();
      expect(retitled.rules.map((r: { id: string }) => r.id)).toEqual(saved.rules.map((r: { id: string }) => r.id));

      // The short link follows the rules, first match first.
      expect(await visit(slug, { "user-agent": ANDROID_UA, "accept-language": "de-CH,de;q=0.9" })).toMatchObject({
        status: 302,
        location: "https://example.com/android",
      });
      expect(await visit(slug, { "accept-language": "de-CH,de;q=0.9,en;q=0.8" })).toMatchObject({ status: 302, location: "https://example.com/de" });
      expect(await visit(slug, { "accept-language": "en-GB,en;q=0.9,de;q=0.5" })).toMatchObject({ location: "https://example.com/home" });
      expect(await visit(slug, { "user-agent": IPHONE_UA })).toMatchObject({ status: 302, location: "myapp://launch" });
      const split = new Set<string | null>();
      for (let i = 0; i < 12; i++) split.add((await visit(`${slug}?utm_source=mail`, { "user-agent": `${BROWSER_UA} visitor/${i}` })).location);
      expect([...split].sort()).toEqual(["https://example.com/a", "https://example.com/b"]);
      const card = await visit(slug, { "user-agent": SLACK_UA });
      expect(card.status).toBe(200);
      expect(card.body).toContain('<meta property="og:title" content="Our launch">');

      // Analytics: a QR scan shows under Sources, the rules under "Redirect rules" (their own operation each).
      expect((await visit(`${slug}?qr=1`)).location).toBe("https://example.com/home");
      const sources = page.locator('[data-breakdown="Sources"] li');
      await expect
        .poll(() => sources.allTextContents(), { timeout: 20_000 })
        .toEqual(expect.arrayContaining([expect.stringMatching(/^QR code scans\s*1 ·/), expect.stringMatching(/^Link visits\s*\d+ ·/)]));
      await page.getByLabel("More breakdowns").selectOption("RULE");
      const rules = page.locator('[data-breakdown="Redirect rules"] li');
      await expect
        .poll(() => rules.allTextContents(), { timeout: 20_000 })
        .toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^Rule 1 · https:\/\/example\.com\/android\s*1 ·/),
            expect.stringMatching(/^Rule 3 · Newsletter test\s*12 ·/),
          ]),
        );
      await page.getByLabel("More breakdowns").selectOption("VARIANT");
      await expect
        .poll(() => page.locator('[data-breakdown="A/B variants"] li').allTextContents(), { timeout: 20_000 })
        .toEqual(expect.arrayContaining([expect.stringMatching(/^Variant A\s*\d+ ·/), expect.stringMatching(/^Variant B\s*\d+ ·/)]));
      await page.getByLabel("More breakdowns").selectOption("RULE");
      await rules.first().waitFor();
      await screenshot(page, "link-analytics-rules");
      expect(await accessibilityViolations(page)).toEqual([]);

      // QR downloads: the PNG and the SVG both scan as the short URL marked as a QR visit.
      const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Download QR PNG of ${slug}` }).click()]);
      expect(png.suggestedFilename()).toBe(`${slug}-qr.png`);
      expect(decodeQrPng(await readFile((await png.path())!))).toBe(`${saved.shortUrl}?qr=1`);
      const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Download QR SVG of ${slug}` }).click()]);
      expect(svg.suggestedFilename()).toBe(`${slug}-qr.svg`);
      const svgText = await readFile((await svg.path())!, "utf8");
      expect(svgText).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
      // Drawn by Chromium, then read back from the pixels.
      const canvas = await context.newPage();
      await canvas.setContent(`<img id="qr" width="400" height="400" src="data:image/svg+xml;base64,${Buffer.from(svgText).toString("base64")}">`);
      expect(decodeQrPng(await canvas.locator("#qr").screenshot())).toBe(`${saved.shortUrl}?qr=1`);

      expect(watched.problems).toEqual([]);
      expect(watched.foreign).toEqual([]);
      await context.close();
    },
  );
});
