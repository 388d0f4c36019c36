import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeGlobalId } from "../../src/graphql/global-id.js";
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
import { click } from "../../tests/helpers/live.js";
import { testDatabase, type TestApp } from "../../tests/helpers/test-app.js";

// Browser journeys run once (PostgreSQL project), like the other dashboard journeys.
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

const nav = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

async function createLink(page: Page, url: string, slug: string) {
  await nav(page, "Links");
  await page.getByRole("button", { name: "New link" }).click();
  await page.getByLabel("Destination URL").fill(url);
  await page.getByLabel("Custom slug").fill(slug);
  await page.getByRole("button", { name: "Create link" }).click();
  await expect.poll(() => heading(page), { timeout: 15_000 }).toBe(slug);
}

describe.skipIf(!run)("dashboard journey: workspaces, members and invitations", () => {
  it(
    "Ada invites Bob as a viewer, Bob joins by the link and reads her links, then writes once Ada makes him a member",
    { timeout: 240_000 },
    async () => {
      const ada = `ada-${randomUUID()}@example.com`;
      const bob = `bob-${randomUUID()}@example.com`;
      const adaPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      const bobContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await bobContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: test.baseUrl });
      const bobPage = await bobContext.newPage();
      const watched = [watchPage(adaPage, test.baseUrl), watchPage(bobPage, test.baseUrl)];

      // Ada signs up, makes a team workspace (it becomes the selected one) and a link in it.
      await adaPage.goto(`${test.baseUrl}/dashboard`);
      await signInWithPassword(adaPage, ada, PASSWORD, "Create account");
      await expectSignedIn(adaPage, ada);
      await nav(adaPage, "Workspace");
      await expect.poll(() => heading(adaPage)).toBe("Personal");
      await adaPage.getByLabel("Name of the new workspace").fill("Acme");
      await adaPage.getByRole("button", { name: "Create workspace" }).click();
      await expect.poll(() => heading(adaPage)).toBe("Acme");
      expect(await adaPage.getByTestId("my-role").textContent()).toBe("Owner");
      const adaSlug = `acme-${randomUUID().slice(0, 8)}`;
      await createLink(adaPage, "https://example.com/acme", adaSlug);

      // Invite Bob as a viewer: the one-time link is shown to Ada, and can be copied.
      await nav(adaPage, "Workspace");
      await adaPage.getByLabel("Email to invite").fill(bob);
      await adaPage.getByLabel("Role to give").selectOption("VIEWER");
      await adaPage.getByRole("button", { name: "Invite", exact: true }).click();
      const invitationLink = (await adaPage.getByTestId("invitation-link").textContent())!;
      expect(invitationLink).toMatch(new RegExp(`^${test.baseUrl}/dashboard/invitations/lgi_`));
      await adaPage.locator(`tr[data-invitation="${bob}"][data-status="PENDING"]`).waitFor();
      // A second invitation, revoked: its row says so.
      const carol = `carol-${randomUUID()}@example.com`;
      await adaPage.getByLabel("Email to invite").fill(carol);
      await adaPage.getByRole("button", { name: "Invite", exact: true }).click();
      await adaPage.locator(`tr[data-invitation="${carol}"]`).getByRole("button", { name: "Revoke" }).click();
      await adaPage.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
      await adaPage.locator(`tr[data-invitation="${carol}"][data-status="REVOKED"]`).waitFor();
      expect(await accessibilityViolations(adaPage)).toEqual([]);

      // Bob opens the link signed out, creates his account with the invited address, and accepts.
      await bobPage.goto(invitationLink);
      await bobPage.getByText("You have an invitation").waitFor();
      await signInWithPassword(bobPage, bob, PASSWORD, "Create account");
      await expectSignedIn(bobPage, bob);
      await expect.poll(() => heading(bobPage)).toBe("Invitation");
      expect(await accessibilityViolations(bobPage)).toEqual([]);
      await bobPage.getByRole("button", { name: "Accept invitation" }).click();
      await bobPage.getByText("You joined Acme as Viewer.").waitFor();
      // The link is single-use.
      await bobPage.goto(invitationLink);
      await bobPage.getByRole("button", { name: "Accept invitation" }).click();
      await bobPage.getByText("This invitation was already used or revoked").waitFor();

      // Bob switches to Acme: he sees Ada's link, and nothing that would change it.
      await bobPage.getByLabel("Workspace", { exact: true }).selectOption({ label: "Acme · Viewer" });
      await nav(bobPage, "Links");
      const adaRow = bobPage.locator(`tr[data-slug="${adaSlug}"]`);
      await adaRow.waitFor();
      expect(await bobPage.getByRole("button", { name: "New link" }).count()).toBe(0);
      expect(await adaRow.getByRole("button", { name: "Edit" }).count()).toBe(0);
      expect(await adaRow.getByRole("button", { name: "Delete" }).count()).toBe(0);
      await screenshot(bobPage, "members-viewer-links");
      // The live total is for Acme's link, over a connection opened for Acme.
      expect(await click(test.baseUrl, adaSlug)).toBe(302);
      await expect.poll(() => adaRow.locator("td.count").getAttribute("data-count"), { timeout: 20_000 }).toBe("1");
      // Pages that need a manager's role say so instead of offering what the server would refuse.
      await nav(bobPage, "Webhooks");
      await bobPage.getByText("Owners and admins add and change webhooks").waitFor();
      expect(await bobPage.getByRole("button", { name: "Add endpoint" }).count()).toBe(0);
      await nav(bobPage, "API keys");
      await bobPage.getByText("Owners and admins manage this workspace's API keys. Your role in Acme is Viewer.").waitFor();
      await nav(bobPage, "Workspace");
      await expect.poll(() => heading(bobPage)).toBe("Acme");
      expect(await bobPage.getByLabel(`Role of ${ada}`).count()).toBe(0);
      expect(await bobPage.getByLabel("Email to invite").count()).toBe(0);
      await nav(bobPage, "Links");
      await adaRow.waitFor();

      // Ada makes Bob a member: his open page learns it (his live subscription is ended and renewed) and offers "New link".
      await adaPage.getByRole("button", { name: "Refresh" }).click();
      await adaPage.locator(`tr[data-member="${bob}"]`).waitFor();
      expect(await adaPage.locator(`tr[data-invitation="${bob}"]`).getAttribute("data-status")).toBe("ACCEPTED");
      await adaPage.getByLabel(`Role of ${bob}`).selectOption("MEMBER");
      await expect.poll(() => adaPage.getByLabel(`Role of ${bob}`).inputValue()).toBe("MEMBER");
      await screenshot(adaPage, "members");
      await bobPage.getByRole("button", { name: "New link" }).waitFor({ timeout: 20_000 });
      const bobSlug = `bob-${randomUUID().slice(0, 8)}`;
      await createLink(bobPage, "https://example.com/bob", bobSlug);
      // It is Acme's: Ada sees it in her list.
      await nav(adaPage, "Links");
      await adaPage.locator(`tr[data-slug="${bobSlug}"]`).waitFor();

      // Ada hands Acme over to Bob: she becomes an admin, and can then leave it.
      await nav(adaPage, "Workspace");
      await adaPage.locator(`tr[data-member="${bob}"]`).getByRole("button", { name: "Make owner" }).click();
      await adaPage.getByRole("dialog").getByRole("button", { name: "Transfer ownership" }).click();
      await expect.poll(() => adaPage.getByTestId("my-role").textContent(), { timeout: 15_000 }).toBe("Admin");
      expect(await adaPage.locator(`tr[data-member="${bob}"]`).getByTestId("member-role").textContent()).toBe("Owner");
      expect(await adaPage.getByRole("button", { name: "Delete workspace" }).count()).toBe(0);
      await adaPage.getByRole("button", { name: "Leave workspace" }).click();
      await adaPage.getByRole("dialog").getByRole("button", { name: "Leave", exact: true }).click();
      await expect.poll(() => adaPage.getByLabel("Workspace", { exact: true }).locator("option:checked").textContent()).toBe("Personal · Owner");
      await nav(bobPage, "Workspace");
      await expect.poll(() => bobPage.getByTestId("my-role").textContent(), { timeout: 15_000 }).toBe("Owner");
      await expect.poll(() => bobPage.locator(`tr[data-member="${ada}"]`).count(), { timeout: 15_000 }).toBe(0);

      // Phone width: the members page still works as a single column.
      await nav(adaPage, "Workspace");
      await expect.poll(() => heading(adaPage)).toBe("Personal");
      await adaPage.setViewportSize({ width: 390, height: 844 });
      await screenshot(adaPage, "members-phone");
      expect(await adaPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      expect(await accessibilityViolations(adaPage)).toEqual([]);

      for (const page of watched) {
        expect(page.problems).toEqual([]);
        expect(page.foreign).toEqual([]);
      }
      await adaPage.context().close();
      await bobContext.close();
    },
  );

  it("shows an instance admin the instance's totals and top links, live; others get no Instance page", { timeout: 120_000 }, async () => {
    const someone = await test.signUp();
    const slug = `top-${randomUUID().slice(0, 8)}`;
    const created = await test.gql(
      `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id } } }`,
      { input: { url: "https://example.com/top", slug } },
      {
        token: someone.token,
      },
    );
    // Far ahead of any other test's link on the shared database, so it is the first of the top links.
    await test.app.services.db.link.update({ where: { id: decodeGlobalId(created.data.createLink.link.id).id }, data: { clickCount: 1_000_000 } });
    const email = `admin-${randomUUID()}@example.com`;
    await test.signUp(email);
    await test.app.services.db.user.update({ where: { email }, data: { role: "ADMIN" } });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${test.baseUrl}/dashboard`);
    await signInWithPassword(page, email);
    await expectSignedIn(page, email);
    await nav(page, "Instance");
    const row = page.locator(`tr[data-slug="${slug}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(someone.email);
    const clicks = async () => Number((await page.getByTestId("instance-clicks").textContent())!.replace(/\D/g, ""));
    const before = await clicks();
    expect(before).toBeGreaterThanOrEqual(1_000_000);
    expect(Number((await page.getByTestId("instance-users").textContent())!.replace(/\D/g, ""))).toBeGreaterThanOrEqual(2);

    // Clicks arrive: the row and the total move without a reload (the top link over graphql-ws).
    for (let i = 0; i < 3; i++) expect(await click(test.baseUrl, slug)).toBe(302);
    await expect.poll(() => row.locator("td.count").getAttribute("data-count"), { timeout: 10_000 }).toBe("1000003");
    expect(await clicks()).toBeGreaterThanOrEqual(before + 3);
    await screenshot(page, "instance-overview");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Every link" }).click();
    await page.locator(`tr[data-slug="${slug}"]`).waitFor();
    await page.close();

    // Someone else: no Instance entry, and the address shows nothing.
    const other = await browser.newPage();
    await other.goto(`${test.baseUrl}/dashboard/admin`);
    await signInWithPassword(other, someone.email);
    await expectSignedIn(other, someone.email);
    await expect.poll(() => heading(other)).toBe("Not found");
    expect(await other.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instance" }).count()).toBe(0);
    await other.close();
  });
});
