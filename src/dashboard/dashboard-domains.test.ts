import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../../tests/helpers/chromium.js";
import {
  accessibilityViolations,
  expectSignedIn,
  screenshot,
  signInWithPassword,
  startDashboardApp,
  watchPage,
} from "../../tests/helpers/dashboard.js";
import { startDnsServer, type TestDnsServer } from "../../tests/helpers/dns-server.js";
import { testDatabase, type TestApp } from "../../tests/helpers/test-app.js";

// Browser journeys run once (PostgreSQL project), like the other dashboard tests.
const run = chromiumAvailable && testDatabase() === "postgres";

let test: TestApp;
let dns: TestDnsServer;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  // A real DNS server on loopback answers the server's TXT lookups.
  dns = await startDnsServer();
  test = await startDashboardApp({ DOMAIN_DNS_SERVERS: dns.address, DOMAIN_CHECK_POLL_MS: "0", DOMAIN_CHECK_TIMEOUT_MS: "1000" });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await test?.close();
  await dns?.close();
});

describe.skipIf(!run)("dashboard journey: a custom domain at phone width, from pending to a link on it", () => {
  it(
    "adds a domain (pending, with its TXT record), verifies it, puts a link on it, and removes it once the link is gone",
    { timeout: 180_000 },
    async () => {
      const owner = await test.signUp();
      const host = `go-${randomUUID().slice(0, 8)}.example.com`;
      const gql = (query: string, variables: Record<string, unknown> = {}) => test.gql(query, variables, { token: owner.token });

      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const watched = watchPage(page, test.baseUrl);
      await page.goto(`${test.baseUrl}/dashboard`);
      await signInWithPassword(page, owner.email);
      await expectSignedIn(page, owner.email).catch(() => undefined); // the email is hidden at phone width
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Domains" }).click();
      await page.getByText("No custom domains yet.").waitFor();

      // Add: pending, with the TXT record to publish.
      await page.getByLabel("Domain name").fill(host);
      await page.getByRole("button", { name: "Add domain" }).click();
      const row = page.locator(`tr[data-domain="${host}"]`);
      await row.waitFor();
      expect(await row.locator("td[data-label=Status]").textContent()).toBe("Pending");
      const [domain] = (await gql(`{ domains(first: 5) { edges { node { id verificationRecordName verificationToken } } } }`)).data.domains.edges.map(
        (edge: { node: unknown }) => edge.node,
      );
      expect(domain.verificationRecordName).toBe(`_linkgraph.${host}`);
      expect(await row.locator("td[data-label='TXT record']").textContent()).toContain(`_linkgraph.${host} = ${domain.verificationToken}`);
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, "domains-pending-phone");
      expect(await accessibilityViolations(page)).toEqual([]);

      // Check now, before the record exists: still pending, the check's finding shown on the row.
      await row.getByRole("button", { name: "Check now" }).click();
      await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(`no TXT record _linkgraph.${host}`);
      expect(await row.locator("td[data-label=Status]").textContent()).toBe("Pending");
      // Published: verified.
      dns.txt.set(`_linkgraph.${host}`, [domain.verificationToken]);
      await row.getByRole("button", { name: "Check now" }).click();
      await expect.poll(() => row.locator("td[data-label=Status]").textContent(), { timeout: 15_000 }).toBe("Verified");

      // The link editor now offers it; a link made there lives on it.
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Links" }).click();
      await page.getByRole("button", { name: "Create your first link" }).click();
      await page.getByLabel("Destination URL").fill("https://example.com/custom");
      await page.getByLabel("Custom slug").fill("hello");
      await page.getByRole("combobox", { name: /^Domain/ }).selectOption(host);
      await screenshot(page, "link-form-domain-phone");
      await page.getByRole("button", { name: "Create link" }).click();
      await page.getByRole("heading", { name: "hello", level: 1 }).waitFor();
      const link = (await gql(`{ link(slug: "hello", domain: "${host}") { id shortUrl domain { hostname } } }`)).data.link;
      expect(link).toMatchObject({ shortUrl: `${new URL(test.baseUrl).protocol}//${host}/hello`, domain: { hostname: host } });
      // Its analytics page (reached by domain and slug) shows the short URL on the domain.
      expect(await page.locator(".link-line a").first().textContent()).toBe(link.shortUrl);

      // Removing it while a link uses it is refused, and the refusal is shown in the dialog.
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Domains" }).click();
      await row.getByRole("button", { name: "Remove" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Remove domain" }).click();
      await expect.poll(() => page.getByRole("dialog").getByRole("alert").textContent(), { timeout: 15_000 }).toMatch(/link/i);
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
      await gql(`mutation ($id: ID!) { deleteLink(input: {id: $id}) { deletedId } }`, { id: link.id });
      await row.getByRole("button", { name: "Remove" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Remove domain" }).click();
      await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
      await page.getByText("No custom domains yet.").waitFor();
      expect((await gql(`{ domains(first: 5) { edges { node { id } } } }`)).data.domains.edges).toEqual([]);

      expect(watched.problems).toEqual([]);
      expect(watched.foreign).toEqual([]);
      await context.close();
    },
  );
});
