import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../../tests/helpers/chromium.js";
import {
  accessibilityViolations,
  expectSignedIn,
  PASSWORD,
  screenshot,
  signInWithPassword,
  startDashboardApp,
  watchPage,
} from "../../tests/helpers/dashboard.js";
import { BROWSER_UA, click } from "../../tests/helpers/live.js";
import { testDatabase, type TestApp } from "../../tests/helpers/test-app.js";

// The journeys exercise the browser app; the database behind it is covered by every other test,
// so they run once (PostgreSQL project) rather than twice.
const run = chromiumAvailable && testDatabase() === "postgres";

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

const LINK = `{ id slug url tags redirectType maxClicks hasPassword fallbackUrl expiresAt archivedAt }`;

async function tokenFor(email: string, password = PASSWORD) {
  const result = await test.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email, password } });
  return result.data.logIn.accessToken as string;
}

describe.skipIf(!run)("dashboard journey: sign up → create a link → follow it → watch the count and the chart move", () => {
  it("does it all from the browser, live, on desktop and phone widths", { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: test.baseUrl });
    const page = await context.newPage();
    const watched = watchPage(page, test.baseUrl);
    const email = `dash-${randomUUID()}@example.com`;
    const slug = `launch-${randomUUID().slice(0, 8)}`;

    // Sign up.
    await page.goto(`${test.baseUrl}/dashboard`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in");
    await screenshot(page, "sign-in");
    expect(await accessibilityViolations(page)).toEqual([]);
    await signInWithPassword(page, email, PASSWORD, "Create account");
    await expectSignedIn(page, email);
    await page.getByText("No links yet.").waitFor();

    // Create a link with every option.
    await page.getByRole("button", { name: "Create your first link" }).click();
    await page.getByLabel("Destination URL").fill("https://example.com/launch");
    await page.getByLabel("Custom slug").fill(slug);
    await page.getByLabel("Title").fill("Spring launch");
    await page.getByLabel("Tags").fill("launch, spring");
    await page.getByLabel("Redirect type").selectOption("TEMPORARY_REDIRECT");
    await page.getByLabel("Maximum clicks").fill("100");
    await page.getByLabel("Fallback URL").fill("https://example.com/over");
    await page.getByLabel("Expires").fill("2099-01-01T12:00");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Create link" }).click();
    await page.getByRole("heading", { name: "Spring launch" }).waitFor();
    const token = await tokenFor(email);
    const created = (await test.gql(`query ($slug: String!) { link(slug: $slug) ${LINK} }`, { slug }, { token })).data.link;
    expect(created).toMatchObject({
      url: "https://example.com/launch",
      tags: ["launch", "spring"],
      redirectType: "TEMPORARY_REDIRECT",
      maxClicks: 100,
      fallbackUrl: "https://example.com/over",
      hasPassword: false,
    });
    expect(new Date(created.expiresAt).getFullYear()).toBe(2099);

    // Follow it: the total, the range's clicks, unique visitors and the chart move without a reload.
    expect(await click(test.baseUrl, slug, { referer: "https://news.example.org/post" })).toBe(307);
    expect(await click(test.baseUrl, slug)).toBe(307);
    expect(
      await click(test.baseUrl, slug, { "user-agent": BROWSER_UA.replace("X11; Linux x86_64", "iPhone; CPU iPhone OS 17_0 like Mac OS X") }),
    ).toBe(307);
    await expect.poll(() => page.getByTestId("total-clicks").getAttribute("data-count"), { timeout: 20_000 }).toBe("3");
    await expect.poll(() => page.locator("figure.chart").getAttribute("data-total"), { timeout: 20_000 }).toBe("3");
    await expect.poll(() => page.getByTestId("unique-visitors").textContent(), { timeout: 20_000 }).toBe("2");
    await expect
      .poll(() => page.locator('[data-breakdown="Referrers"] li').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining("news.example.org")]));
    expect(await page.locator("canvas").count()).toBeGreaterThan(0);
    await page.getByLabel("Granularity").selectOption("MINUTE");
    await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await expect.poll(() => page.locator("figure.chart").getAttribute("data-buckets")).not.toBe("24");
    await expect.poll(() => page.locator("figure.chart figcaption").textContent()).toBe("Clicks per minute (Asia/Tokyo)");
    expect(await page.locator("figure.chart").getAttribute("data-total")).toBe("3");
    await screenshot(page, "link-analytics");
    expect(await accessibilityViolations(page)).toEqual([]);
    // Phone width: the chart shrinks with the page, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "link-analytics-phone");
    await page.setViewportSize({ width: 1280, height: 860 });

    // CSV of what is shown.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("section,value,start,end,clicks,unique_visitors");
    expect(csv).toContain("series (minute, Asia/Tokyo)");
    expect(csv).toMatch(/Referrers,news\.example\.org,,,1,1/);

    // The list: live totals, copy, search and tags.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Links" }).click();
    const row = page.locator(`tr[data-slug="${slug}"]`);
    await expect.poll(() => row.locator("td.count").getAttribute("data-count"), { timeout: 15_000 }).toBe("3");
    await expect.poll(() => page.locator("#live-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("live");
    expect(await click(test.baseUrl, slug)).toBe(307);
    await expect.poll(() => row.locator("td.count").getAttribute("data-count"), { timeout: 15_000 }).toBe("4");
    await row.getByRole("button", { name: /^Copy/ }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${test.baseUrl}/${slug}`);
    const other = await test.gql(
      `mutation { createLink(input: {url: "https://example.org/other", tags: ["other"]}) { link { slug } } }`,
      {},
      { token },
    );
    const otherSlug = other.data.createLink.link.slug as string;
    await page.reload();
    await expect.poll(() => page.locator("tr[data-slug]").count(), { timeout: 15_000 }).toBe(2);
    await page.getByLabel("Search").fill("launch");
    await expect.poll(() => page.locator("tr[data-slug]").count(), { timeout: 15_000 }).toBe(1);
    await page.getByLabel("Search").fill("");
    await page.getByRole("button", { name: "Show links tagged other" }).click();
    await expect.poll(() => page.locator("tr[data-slug]").count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator(`tr[data-slug="${slug}"]`).count()).toBe(0);
    await page.getByLabel("Tags").fill("");
    await expect.poll(() => page.locator("tr[data-slug]").count(), { timeout: 15_000 }).toBe(2);
    await screenshot(page, "links");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Phone width: the same list, stacked.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "links-phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 860 });

    // The workspace's Analytics page: both links in one chart and one referrer bar (the same visitor
    // on both links counts once), live, another breakdown on demand, and its CSV.
    expect(await click(test.baseUrl, otherSlug, { referer: "https://news.example.org/other" })).toBe(302);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
    await page.getByRole("heading", { level: 1, name: "Analytics" }).waitFor();
    await expect.poll(() => page.getByTestId("summary-clicks").textContent(), { timeout: 20_000 }).toBe("5");
    await expect.poll(() => page.locator("figure.chart").getAttribute("data-total"), { timeout: 20_000 }).toBe("5");
    expect(await page.locator("canvas").count()).toBeGreaterThan(0);
    const referrerBar = page.locator('[data-breakdown="Referrers"] li', { hasText: "news.example.org" });
    await expect.poll(() => referrerBar.textContent(), { timeout: 20_000 }).toBe("news.example.org2 · 1 unique");
    expect(await click(test.baseUrl, slug)).toBe(307);
    await expect.poll(() => page.locator("figure.chart").getAttribute("data-total"), { timeout: 20_000 }).toBe("6");
    await expect.poll(() => page.getByTestId("summary-clicks").textContent()).toBe("6");
    await page.getByLabel("Breakdown").selectOption("SOURCE");
    await expect
      .poll(() => page.locator('[data-breakdown="Sources"] li').allTextContents(), { timeout: 20_000 })
      .toEqual(["Link visits6 · 2 unique"]);
    await page.getByLabel("Granularity").selectOption("HOUR");
    await expect.poll(() => page.locator("figure.chart figcaption").textContent()).toMatch(/^Clicks per hour/);
    expect(await page.locator("figure.chart").getAttribute("data-total")).toBe("6");
    await screenshot(page, "workspace-analytics");
    expect(await accessibilityViolations(page)).toEqual([]);
    const [summaryCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const summaryRows = (await readFile((await summaryCsv.path())!, "utf8")).split("\r\n");
    expect(summaryRows[0]).toBe("section,link,from,to,clicks,unique_visitors");
    expect(summaryRows[1]).toMatch(/^total,,[^,]+,[^,]+,6,2$/);
    const hourly = summaryRows.flatMap((line) => line.match(/^"series \(hour, [^"]+\)",,[^,]+,[^,]+,(\d+),$/)?.[1] ?? []);
    expect(hourly.length).toBeGreaterThanOrEqual(168);
    expect(hourly.reduce((sum, clicks) => sum + Number(clicks), 0)).toBe(6);
    expect(summaryRows).toContainEqual(expect.stringMatching(/^top link,[^,]+,[^,]+,[^,]+,5,2$/));
    expect(summaryRows).toContainEqual(expect.stringMatching(/^Sources,Link visits,[^,]+,[^,]+,6,2$/));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Links" }).click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);

    // Edit: a new destination and a password.
    await row.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Destination URL").fill("https://example.com/launch-v2");
    await page.getByLabel(/^Password/).fill("open sesame");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "Spring launch" }).waitFor();
    const edited = (await test.gql(`query ($slug: String!) { link(slug: $slug) ${LINK} }`, { slug }, { token })).data.link;
    expect(edited).toMatchObject({ url: "https://example.com/launch-v2", hasPassword: true, tags: ["launch", "spring"], maxClicks: 100 });

    // Archive (asks first), find it among archived links, then delete it for good.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Links" }).click();
    await row.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    expect(await row.count()).toBe(1);
    await row.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Archive" }).click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    expect((await test.gql(`query ($slug: String!) { link(slug: $slug) ${LINK} }`, { slug }, { token })).data.link.archivedAt).not.toBeNull();
    await page.getByRole("combobox", { name: /^Show/ }).selectOption("archived");
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete for good" }).click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    expect((await test.gql(`query ($slug: String!) { link(slug: $slug) { id } }`, { slug }, { token })).data.link).toBeNull();

    // Change the password, sign out, and sign in with the new one.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await page.getByLabel("New password, again").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Password changed.").waitFor();
    await page.locator("header.top").getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You signed out.").waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in");
    await signInWithPassword(page, email, PASSWORD);
    await page
      .getByRole("alert")
      .getByText(/invalid|incorrect|wrong/i)
      .waitFor();
    await signInWithPassword(page, email, "a brand new passphrase");
    await expectSignedIn(page, email);
    // The refresh cookie keeps the session across a reload.
    await page.reload();
    await expectSignedIn(page, email);

    expect(watched.problems).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await context.close();
  });
});
