import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
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
import { testDatabase, type TestApp } from "../../tests/helpers/test-app.js";
import { startReceiver, startWebhookTestApp, type Receiver } from "../../tests/helpers/webhooks.js";

const run = chromiumAvailable && testDatabase() === "postgres";

let test: TestApp;
let receiver: Receiver;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  test = await startDashboardApp({}, startWebhookTestApp);
  receiver = await startReceiver();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await test?.close();
});

const nav = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
const tokenFor = async (email: string) =>
  (await test.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email, password: PASSWORD } })).data.logIn
    .accessToken as string;

/** The delivery log polls by itself while something is pending; a person presses Refresh otherwise. */
async function waitForDelivery(page: Page, type: string, status: string) {
  const row = page.locator(`li[data-delivery="${type}"][data-status="${status}"]`);
  await expect
    .poll(
      async () => {
        if ((await row.count()) === 0) await page.getByRole("button", { name: "Refresh" }).click();
        return row.count();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBeGreaterThan(0);
  return row.first();
}

describe.skipIf(!run)("dashboard journey: webhooks, API keys and the instance overview", () => {
  it("manages a webhook end to end and reads its delivery log with every attempt", { timeout: 150_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watched = watchPage(page, test.baseUrl);
    const email = `hooks-${randomUUID()}@example.com`;
    await page.goto(`${test.baseUrl}/dashboard`);
    await signInWithPassword(page, email, PASSWORD, "Create account");
    await expectSignedIn(page, email);

    // The first delivery fails with a 500, then the endpoint recovers.
    receiver.reply((_request, index) => ({ status: index === 0 ? 500 : 204, body: index === 0 ? "not ready" : undefined }));
    await nav(page, "Webhooks");
    await page.getByText("No webhooks yet.").waitFor();
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description").fill("Partner CRM");
    await page.getByLabel("Click milestone reached").uncheck();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    expect(await page.getByTestId("secret").textContent()).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "I have stored it" }).click();
    await page.getByRole("link", { name: receiver.url }).click();
    await page.getByRole("heading", { name: "Delivery log" }).waitFor();
    expect(await page.getByLabel("Click milestone reached").isChecked()).toBe(false);

    // A link change is delivered: one failed attempt, then a success, both in the log.
    await test.gql(`mutation { createLink(input: {url: "https://example.com/hooked"}) { link { id } } }`, {}, { token: await tokenFor(email) });
    const created = await waitForDelivery(page, "link.created", "DELIVERED");
    await created.locator("summary").click();
    const attempts = created.locator("table.attempts tbody tr");
    await expect.poll(() => attempts.count()).toBe(2);
    expect(await attempts.allInnerTexts()).toEqual([expect.stringMatching(/^2\t.*\t204\t/), expect.stringMatching(/^1\t.*\t500\t.*not ready/)]);
    expect(await created.locator("pre.payload").textContent()).toContain('"type": "link.created"');

    // Redeliver: the same event (same webhook-id) goes out again.
    const before = receiver.requests.length;
    await created.getByRole("button", { name: "Redeliver" }).click();
    await receiver.waitFor(before + 1);
    expect(receiver.requests.at(-1)!.headers["webhook-id"]).toBe(receiver.requests.at(-2)!.headers["webhook-id"]);

    // Rotate the secret with a grace period: the next delivery carries both signatures.
    await page.getByLabel("Keep the old secret valid for").selectOption("3600");
    await page.getByRole("button", { name: "Rotate secret" }).click();
    expect(await page.getByTestId("secret").textContent()).toMatch(/^whsec_/);
    await page.getByText("The previous secret also signs deliveries until").waitFor();
    await page.getByRole("button", { name: "I have stored it" }).click();
    const sent = receiver.requests.length;
    await page.getByRole("button", { name: "Send test event" }).click();
    const [test_] = (await receiver.waitFor(sent + 1)).slice(sent);
    expect(JSON.parse(test_!.body).type).toBe("webhook.test");
    expect(test_!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    await waitForDelivery(page, "webhook.test", "DELIVERED");

    // Pause, then delete (asks first).
    await page.getByRole("button", { name: "Pause deliveries" }).click();
    await page.getByRole("button", { name: "Resume deliveries" }).waitFor();
    await screenshot(page, "webhook-delivery-log");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Delete" }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete webhook" }).click();
    await page.getByText("No webhooks yet.").waitFor();

    expect(watched.problems).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await page.close();
  });

  it("creates a scoped, expiring API key whose secret is shown once, shows its last use, and revokes it", { timeout: 90_000 }, async () => {
    const page = await browser.newPage();
    const email = `keys-${randomUUID()}@example.com`;
    await page.goto(`${test.baseUrl}/dashboard/api-keys`);
    await signInWithPassword(page, email, PASSWORD, "Create account");
    await page.getByText("No API keys yet.").waitFor();
    await page.getByLabel("Name").fill("ci");
    await page.getByLabel("Read click analytics").check();
    await page.getByLabel("Expires").selectOption("30");
    await page.getByRole("button", { name: "Create key" }).click();
    const secret = (await page.getByTestId("secret").textContent())!;
    expect(secret).toMatch(/^lgk_/);
    const row = page.locator('tr[data-key="ci"]');
    expect(await row.innerText()).toContain("LINKS_READ, ANALYTICS_READ");
    expect(await row.innerText()).toContain("never");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "I have stored it" }).click();
    expect(await page.getByTestId("secret").count()).toBe(0);

    const useKey = () => test.gql(`{ links(first: 1) { edges { node { id } } } }`, {}, { token: secret });
    expect((await useKey()).errors).toBeUndefined();
    await page.reload();
    await expect.poll(() => row.locator('td[data-label="Last used"]').textContent(), { timeout: 15_000 }).not.toBe("never");
    expect(await row.locator('td[data-label="Expires"]').textContent()).not.toBe("never");

    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    await page.getByLabel("Show revoked keys").check();
    await expect.poll(() => row.locator('td[data-label="Status"]').textContent(), { timeout: 15_000 }).toBe("Revoked");
    expect((await useKey()).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    await page.close();
  });

  it("shows instance admins every owner's links with live totals", { timeout: 90_000 }, async () => {
    const someone = await test.signUp();
    const { data } = await test.gql(
      `mutation { createLink(input: {url: "https://example.com/someone-else"}) { link { slug } } }`,
      {},
      { token: someone.token },
    );
    const email = `admin-${randomUUID()}@example.com`;
    await test.signUp(email);
    await test.app.services.db.user.update({ where: { email }, data: { role: "ADMIN" } });
    const page = await browser.newPage();
    await page.goto(`${test.baseUrl}/dashboard`);
    // Keyboard only: the email field has focus, Tab moves on, Enter submits.
    await page.locator('input[name="email"]:focus').waitFor();
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await expectSignedIn(page, email);
    await nav(page, "Instance");
    await page.getByRole("link", { name: "Every link" }).click();
    const row = page.locator(`tr[data-slug="${data.createLink.link.slug}"]`);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.innerText()).toContain(someone.email);
    await page.close();
  });
});
