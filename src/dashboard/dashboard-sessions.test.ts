import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../../tests/helpers/chromium.js";
import { expectSignedIn, PASSWORD, screenshot, signInWithPassword, startDashboardApp, watchPage } from "../../tests/helpers/dashboard.js";
import { startOidcProvider, type TestOidcProvider } from "../../tests/helpers/oidc-provider.js";
import { testDatabase, type TestApp } from "../../tests/helpers/test-app.js";

const run = chromiumAvailable && testDatabase() === "postgres";

let test: TestApp;
let idp: TestOidcProvider;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  test = await startDashboardApp(async (publicBaseUrl) => {
    idp = await startOidcProvider({ redirectUris: [`${publicBaseUrl}/auth/test/callback`] });
    return {
      OIDC_PROVIDERS: "test",
      OIDC_TEST_NAME: "Test IdP",
      OIDC_TEST_ISSUER: idp.issuer,
      OIDC_TEST_CLIENT_ID: idp.clientId,
      OIDC_TEST_CLIENT_SECRET: idp.clientSecret,
      // The shortest lifetime allowed, so the refresh before expiry happens within the test.
      ACCESS_TOKEN_TTL_SECONDS: "30",
    };
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await test?.close();
  await idp?.close();
});

const person = (account: { email?: string; email_verified?: boolean }) => {
  const login = `person-${randomUUID()}`;
  idp.accounts.set(login, account);
  return login;
};

/** The provider's own pages (oidc-provider's development login and consent), as a person uses them. */
async function throughProvider(page: Page, login: string) {
  await page.getByRole("link", { name: "Continue with Test IdP" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

const notice = (page: Page) =>
  page
    .getByTestId("session-notice")
    .textContent({ timeout: 15_000 })
    .catch(async (error) => {
      throw new Error(`${error}\nat ${page.url()}: ${(await page.locator("body").innerText()).slice(0, 500)}`);
    });

describe.skipIf(!run)("dashboard sign-in with an OpenID Connect provider", () => {
  it("offers each configured provider as a button; after the round trip the refresh cookie becomes a session", { timeout: 90_000 }, async () => {
    const page = await browser.newPage();
    const watched = watchPage(page, test.baseUrl);
    const email = `oidc-${randomUUID()}@example.com`;
    const login = person({ email, email_verified: true });
    await page.goto(`${test.baseUrl}/dashboard/webhooks`);
    await throughProvider(page, login);
    await expectSignedIn(page, email);
    // Back where the sign-in started.
    expect(new URL(page.url()).pathname).toBe("/dashboard/webhooks");
    await page.getByRole("heading", { name: "Webhooks" }).waitFor();
    await screenshot(page, "signed-in-with-provider");
    // An account from a provider has no password to change.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
    await page.getByText("this account has no password to change").waitFor();
    await page.locator("header.top").getByRole("button", { name: "Sign out" }).click();
    expect(await notice(page)).toBe("You signed out.");
    await page.reload();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(watched.problems).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await page.close();
  });

  it("says in a sentence why a provider sign-in did not complete (?error=), and cleans the address", { timeout: 90_000 }, async () => {
    const page = await browser.newPage();
    // An existing password account, and a provider that does not vouch for the same address.
    const email = `taken-${randomUUID()}@example.com`;
    await test.signUp(email);
    await page.goto(`${test.baseUrl}/dashboard`);
    await throughProvider(page, person({ email, email_verified: false }));
    expect(await notice(page)).toContain("the provider has not confirmed that the address is yours");
    expect(new URL(page.url()).search).toBe("");
    await screenshot(page, "sign-in-error");

    await page.close();

    // Cancelling at the provider (a browser the provider does not know yet, so it asks to log in).
    const other = await browser.newPage();
    await other.goto(`${test.baseUrl}/dashboard`);
    await other.getByRole("link", { name: "Continue with Test IdP" }).click();
    await other.getByRole("link", { name: "Cancel" }).click();
    expect(await notice(other)).toContain("The sign-in was cancelled at the provider");

    // A code this version does not know still reads as a sentence.
    await other.goto(`${test.baseUrl}/dashboard?error=SOMETHING_NEW`);
    expect(await notice(other)).toBe("The sign-in did not complete (SOMETHING_NEW). Please try again.");
    await other.close();
  });
});

describe.skipIf(!run)("dashboard sessions", () => {
  it("refreshes the access token before it expires, and says so clearly when the session is ended elsewhere", { timeout: 150_000 }, async () => {
    const email = `sessions-${randomUUID()}@example.com`;
    const laptop = await browser.newPage();
    const refreshes: number[] = [];
    laptop.on("response", async (response) => {
      if (response.url().endsWith("/graphql") && response.request().postData()?.includes('"DashboardRefreshSession"')) {
        refreshes.push(((await response.json()) as { data?: { refreshSession?: unknown } }).data?.refreshSession ? 1 : 0);
      }
    });
    await laptop.goto(`${test.baseUrl}/dashboard`);
    await signInWithPassword(laptop, email, undefined, "Create account");
    await expectSignedIn(laptop, email);
    const signedInAt = Date.now();

    // 30-second tokens: refreshed before they run out, without the person noticing.
    await expect.poll(() => refreshes.filter(Boolean).length, { timeout: 40_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    expect(Date.now() - signedInAt).toBeLessThan(30_000);
    await laptop.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
    await laptop.getByText("No API keys yet.").waitFor();
    // Then the links page, with its live connection open.
    const { data } = await test.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, {
      input: { email, password: PASSWORD },
    });
    await test.gql(`mutation { createLink(input: {url: "https://example.com/watched"}) { link { id } } }`, {}, { token: data.logIn.accessToken });
    await laptop.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Links" }).click();
    await expect.poll(() => laptop.locator("#live-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("live");

    // Another device signs out everywhere: the laptop's next refresh fails, and it says why.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${test.baseUrl}/dashboard/account`);
    await signInWithPassword(phone, email);
    await phone.getByRole("button", { name: "Sign out everywhere" }).click();
    await phone.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
    expect(await notice(phone)).toBe("You signed out on every device.");
    await expect.poll(() => laptop.getByTestId("session-notice").count(), { timeout: 45_000, interval: 500 }).toBe(1);
    // Whichever comes first: the live connection closed by the server (credential revoked) or the next refresh.
    expect(await notice(laptop)).toMatch(/Your session has ended|Live updates stopped because your session ended/);
    await screenshot(laptop, "session-ended");
    await laptop.reload();
    await laptop.getByRole("heading", { name: "Sign in" }).waitFor();
    await laptop.close();
    await phone.close();
  });
});
