import { createHash, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../../tests/helpers/browser.js";
import { startOidcProvider, type TestOidcProvider } from "../../../tests/helpers/oidc-provider.js";
import { startTestApp, TEST_PUBLIC_BASE_URL, type TestApp } from "../../../tests/helpers/test-app.js";
import { decodeGlobalId } from "../../graphql/global-id.js";

const APP_REDIRECT = "com.example.linkgraph:/oauth/callback";
const CALLBACK = `${TEST_PUBLIC_BASE_URL}/auth/test/callback`;
const REFRESH_COOKIE = "__Secure-lg_refresh";

const ME = `{ me { id email hasPassword } }`;
const REFRESH = `mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken user { email } } }`;
const LOG_OUT = `mutation ($input: LogOutInput!) { logOut(input: $input) { success revokedSessions } }`;
const EXCHANGE = `mutation ($input: ExchangeSignInCodeInput!) { exchangeSignInCode(input: $input) { accessToken refreshToken user { id email } } }`;

let idp: TestOidcProvider;
let test: TestApp;

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [CALLBACK] });
  test = await startTestApp({
    OIDC_PROVIDERS: "test",
    OIDC_TEST_NAME: "Test IdP",
    OIDC_TEST_ISSUER: idp.issuer,
    OIDC_TEST_CLIENT_ID: idp.clientId,
    OIDC_TEST_CLIENT_SECRET: idp.clientSecret,
    OIDC_MOBILE_REDIRECT_URIS: APP_REDIRECT,
  });
});
afterAll(async () => {
  await test?.close();
  await idp?.close();
});

const newBrowser = () => new TestBrowser({ [TEST_PUBLIC_BASE_URL]: test.baseUrl });
const person = (account: { email?: string; email_verified?: boolean }) => {
  const login = `person-${randomUUID()}`;
  idp.accounts.set(login, account);
  return login;
};
const uniqueEmail = () => `oidc-${randomUUID()}@example.com`;
const isOurs = (url: URL) => url.origin === TEST_PUBLIC_BASE_URL;

/**
 * Drives the provider's pages like a person: the login form (any password), then consent.
 * Stops before requesting a URL `stop` matches (by default: anything back on our site after the callback).
 */
async function throughProvider(
  browser: TestBrowser,
  start: string,
  login: string,
  stop = (url: URL) => isOurs(url) && !url.pathname.startsWith("/auth/"),
) {
  let step = await browser.navigate(start, stop);
  for (let page = 0; page < 3 && step.response?.status === 200; page++) {
    const html = await step.response.text();
    step = await browser.submitForm(step.url, html, html.includes('name="login"') ? { login, password: "anything" } : {}, stop);
  }
  return step;
}

const webSignIn = (browser: TestBrowser, login: string, returnTo = "/dashboard") =>
  throughProvider(browser, `${TEST_PUBLIC_BASE_URL}/auth/test/login?return_to=${encodeURIComponent(returnTo)}`, login);

/** What a web app does after the redirect: trade the refresh cookie for an access token. */
async function tokenFromCookie(browser: TestBrowser) {
  const response = await browser.request(`${TEST_PUBLIC_BASE_URL}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: REFRESH, variables: { input: {} } }),
  });
  return (await response.json()) as {
    data: { refreshSession: { accessToken: string; refreshToken: string | null; user: { email: string } } | null };
    errors?: any[];
  };
}

describe("web sign-in with an OpenID Connect provider", () => {
  it("is listed for apps to show", async () => {
    const result = await test.gql(`{ signInProviders { id name loginUrl } }`);
    expect(result.data.signInProviders).toEqual([{ id: "test", name: "Test IdP", loginUrl: `${TEST_PUBLIC_BASE_URL}/auth/test/login` }]);
  });

  it("sends the browser to the provider with PKCE (S256), state and nonce", async () => {
    const browser = newBrowser();
    const response = await browser.request(`${TEST_PUBLIC_BASE_URL}/auth/test/login?return_to=/dashboard`);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin).toBe(idp.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      response_type: "code",
      client_id: idp.clientId,
      redirect_uri: CALLBACK,
      scope: "openid email profile",
      code_challenge_method: "S256",
    });
    expect(location.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get("state")).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get("nonce")).toMatch(/^[\w-]{43}$/);
    // The transaction cookie is bound to this browser, sealed, and sent back only to the callback.
    const transaction = browser.cookie(CALLBACK, "lg_oidc")!;
    expect(transaction.raw).toMatch(/Path=\/auth\/test\/callback; HttpOnly; SameSite=Lax; Max-Age=600; Secure/);
    expect(transaction.value).not.toContain(location.searchParams.get("state"));
  });

  it("creates the account on first sign-in and hands the web app its session through a refresh cookie", async () => {
    const email = uniqueEmail();
    const browser = newBrowser();
    const end = await webSignIn(browser, person({ email, email_verified: true }));
    expect(end.url.href).toBe(`${TEST_PUBLIC_BASE_URL}/dashboard`);
    const cookie = browser.cookie(`${TEST_PUBLIC_BASE_URL}/graphql`, REFRESH_COOKIE)!;
    expect(cookie.raw).toMatch(/Path=\/graphql; HttpOnly; SameSite=Strict; Max-Age=2592000; Secure/);
    expect(browser.cookie(CALLBACK, "lg_oidc")).toBeUndefined();

    const session = await tokenFromCookie(browser);
    expect(session.errors).toBeUndefined();
    expect(session.data.refreshSession!.refreshToken).toBeNull(); // stays in the cookie, out of reach of scripts
    const me = await test.gql(ME, {}, { token: session.data.refreshSession!.accessToken });
    expect(me.data.me).toMatchObject({ email, hasPassword: false });

    const stored = await test.app.services.db.user.findUniqueOrThrow({ where: { email }, include: { identities: true } });
    expect(stored.passwordHash).toBeNull();
    expect(stored.identities).toMatchObject([{ provider: "test", issuer: idp.issuer, email, emailVerified: true }]);
  });

  it("signs a returning person into the same account", async () => {
    const login = person({ email: uniqueEmail(), email_verified: true });
    await webSignIn(newBrowser(), login);
    const again = newBrowser();
    await webSignIn(again, login);
    const session = await tokenFromCookie(again);
    const me = await test.gql(ME, {}, { token: session.data.refreshSession!.accessToken });
    expect(await test.app.services.db.userIdentity.count({ where: { subject: login } })).toBe(1);
    expect(decodeGlobalId(me.data.me.id).id).toBe((await test.app.services.db.userIdentity.findFirstOrThrow({ where: { subject: login } })).userId);
  });

  it("links to an existing password account when the provider says the email is verified", async () => {
    const account = await test.signUp(uniqueEmail());
    const browser = newBrowser();
    const end = await webSignIn(browser, person({ email: account.email, email_verified: true }));
    expect(end.url.searchParams.get("error")).toBeNull();
    const session = await tokenFromCookie(browser);
    const me = await test.gql(ME, {}, { token: session.data.refreshSession!.accessToken });
    expect(me.data.me).toEqual({ id: account.userId, email: account.email, hasPassword: true });
  });

  it("refuses to link to an existing account when the provider does not say the email is verified", async () => {
    for (const claims of [{ email_verified: false }, {}]) {
      const account = await test.signUp(uniqueEmail());
      const browser = newBrowser();
      const login = person({ email: account.email, ...claims });
      const end = await webSignIn(browser, login);
      expect(end.url.href).toBe(`${TEST_PUBLIC_BASE_URL}/dashboard?error=EMAIL_NOT_VERIFIED`);
      expect(browser.cookie(`${TEST_PUBLIC_BASE_URL}/graphql`, REFRESH_COOKIE)).toBeUndefined();
      expect(await test.app.services.db.userIdentity.count({ where: { subject: login } })).toBe(0);
    }
  });

  it("refuses a provider account without an email address", async () => {
    const end = await webSignIn(newBrowser(), person({}));
    expect(end.url.searchParams.get("error")).toBe("EMAIL_REQUIRED");
  });

  it("comes back with ACCESS_DENIED when the person cancels at the provider", async () => {
    const browser = newBrowser();
    const page = await browser.navigate(`${TEST_PUBLIC_BASE_URL}/auth/test/login?return_to=/settings`);
    const abort = /href="([^"]*\/abort)"/.exec(await page.response!.text())![1]!;
    const end = await browser.navigate(new URL(abort, page.url).href, (url) => isOurs(url) && !url.pathname.startsWith("/auth/"));
    expect(end.url.href).toBe(`${TEST_PUBLIC_BASE_URL}/settings?error=ACCESS_DENIED`);
  });

  it("rejects a callback whose state is not the one this browser started with", async () => {
    const browser = newBrowser();
    const login = person({ email: uniqueEmail(), email_verified: true });
    const atCallback = await throughProvider(
      browser,
      `${TEST_PUBLIC_BASE_URL}/auth/test/login`,
      login,
      (url) => url.pathname === "/auth/test/callback",
    );
    const tampered = new URL(atCallback.url);
    tampered.searchParams.set("state", randomBytes(32).toString("base64url"));
    const response = await browser.request(tampered.href, { headers: { accept: "application/json" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, code: "STATE_MISMATCH", detail: expect.any(String) });
    expect(await test.app.services.db.userIdentity.count({ where: { subject: login } })).toBe(0);
  });

  it("rejects a callback in a browser that did not start the sign-in (login CSRF)", async () => {
    const victim = newBrowser();
    const login = person({ email: uniqueEmail(), email_verified: true });
    const atCallback = await throughProvider(
      newBrowser(),
      `${TEST_PUBLIC_BASE_URL}/auth/test/login`,
      login,
      (url) => url.pathname === "/auth/test/callback",
    );
    const response = await victim.request(atCallback.url.href, { headers: { accept: "application/json" } });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("SIGN_IN_EXPIRED");
    expect(victim.cookie(`${TEST_PUBLIC_BASE_URL}/graphql`, REFRESH_COOKIE)).toBeUndefined();
  });

  it("rejects an ID token whose nonce is not the one this sign-in sent", async () => {
    const browser = newBrowser();
    const login = person({ email: uniqueEmail(), email_verified: true });
    const start = await browser.request(`${TEST_PUBLIC_BASE_URL}/auth/test/login?return_to=/dashboard`);
    const authorization = new URL(start.headers.get("location")!);
    authorization.searchParams.set("nonce", randomBytes(32).toString("base64url")); // an ID token minted for another request
    const end = await throughProvider(browser, authorization.href, login);
    expect(end.url.href).toBe(`${TEST_PUBLIC_BASE_URL}/dashboard?error=SIGN_IN_FAILED`);
    expect(await test.app.services.db.userIdentity.count({ where: { subject: login } })).toBe(0);
  });

  it("fails the token exchange when the PKCE challenge was tampered with", async () => {
    const browser = newBrowser();
    const login = person({ email: uniqueEmail(), email_verified: true });
    const start = await browser.request(`${TEST_PUBLIC_BASE_URL}/auth/test/login?return_to=/dashboard`);
    const authorization = new URL(start.headers.get("location")!);
    authorization.searchParams.set("code_challenge", createHash("sha256").update("attacker").digest("base64url"));
    const end = await throughProvider(browser, authorization.href, login);
    expect(end.url.searchParams.get("error")).toBe("SIGN_IN_FAILED");
    expect(await test.app.services.db.userIdentity.count({ where: { subject: login } })).toBe(0);
  });

  it("answers bad sign-in requests with 4xx and never redirects to an unregistered place", async () => {
    const browser = newBrowser();
    const get = async (path: string) => {
      const response = await browser.request(`${TEST_PUBLIC_BASE_URL}${path}`, { headers: { accept: "application/json" } });
      return { status: response.status, location: response.headers.get("location"), code: ((await response.json()) as any).code };
    };
    expect(await get("/auth/nope/login")).toEqual({ status: 404, location: null, code: "NOT_FOUND" });
    expect(await get("/auth/test/login?return_to=https://evil.example/")).toEqual({ status: 400, location: null, code: "INVALID_RETURN_TO" });
    expect(await get("/auth/test/login?return_to=//evil.example/")).toEqual({ status: 400, location: null, code: "INVALID_RETURN_TO" });
    expect(await get(`/auth/test/login?redirect_uri=${encodeURIComponent("com.evil.app:/cb")}&code_challenge=${"a".repeat(43)}`)).toEqual({
      status: 400,
      location: null,
      code: "INVALID_REDIRECT_URI",
    });
    expect(await get(`/auth/test/login?redirect_uri=${encodeURIComponent(APP_REDIRECT)}`)).toEqual({
      status: 400,
      location: null,
      code: "INVALID_CODE_CHALLENGE",
    });
    expect(await get("/auth/test/callback?code=x&state=y")).toEqual({ status: 400, location: null, code: "SIGN_IN_EXPIRED" });
  });

  it("lets the web session refresh and log out through the cookie", async () => {
    const browser = newBrowser();
    await webSignIn(browser, person({ email: uniqueEmail(), email_verified: true }));
    const before = browser.cookie(`${TEST_PUBLIC_BASE_URL}/graphql`, REFRESH_COOKIE)!.value;
    expect((await tokenFromCookie(browser)).data.refreshSession).not.toBeNull();
    expect(browser.cookie(`${TEST_PUBLIC_BASE_URL}/graphql`, REFRESH_COOKIE)!.value).not.toBe(before); // rotated

    const out = await browser.request(`${TEST_PUBLIC_BASE_URL}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: LOG_OUT, variables: { input: {} } }),
    });
    expect((await out.json()).data.logOut).toEqual({ success: true, revokedSessions: 1 });
    expect(browser.cookie(`${TEST_PUBLIC_BASE_URL}/graphql`, REFRESH_COOKIE)).toBeUndefined();
    expect((await test.gql(REFRESH, { input: { refreshToken: before } })).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("mobile sign-in with an OpenID Connect provider", () => {
  const pkce = () => {
    const verifier = randomBytes(32).toString("base64url");
    return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
  };

  /** The app opens the login URL in a system browser and receives the redirect to its own scheme. */
  async function mobileSignIn(login: string, challenge: string, appState = "app-state-123") {
    const query = new URLSearchParams({ redirect_uri: APP_REDIRECT, code_challenge: challenge, code_challenge_method: "S256", state: appState });
    const end = await throughProvider(newBrowser(), `${TEST_PUBLIC_BASE_URL}/auth/test/login?${query}`, login);
    expect(end.url.protocol).toBe("com.example.linkgraph:");
    return end.url;
  }

  it("redirects to the app with a one-time code (never a token) that the app exchanges for a session", async () => {
    const email = uniqueEmail();
    const { verifier, challenge } = pkce();
    const landing = await mobileSignIn(person({ email, email_verified: true }), challenge);
    expect(`${landing.protocol}${landing.pathname}`).toBe(APP_REDIRECT);
    expect([...landing.searchParams.keys()].sort()).toEqual(["code", "state"]);
    expect(landing.searchParams.get("state")).toBe("app-state-123");
    const code = landing.searchParams.get("code")!;
    expect(code).toMatch(/^lgc_[\w-]{43}$/);

    const exchanged = await test.gql(EXCHANGE, { input: { code, codeVerifier: verifier } });
    expect(exchanged.errors).toBeUndefined();
    const session = exchanged.data.exchangeSignInCode;
    expect(session.user.email).toBe(email);
    expect(session.refreshToken).toMatch(/^lgr_/);

    // The session behaves like any other: refresh rotates, logOut ends it.
    const refreshed = await test.gql(REFRESH, { input: { refreshToken: session.refreshToken } });
    expect(refreshed.data.refreshSession.user.email).toBe(email);
    expect((await test.gql(LOG_OUT, { input: { refreshToken: refreshed.data.refreshSession.refreshToken } })).data.logOut).toEqual({
      success: true,
      revokedSessions: 1,
    });
    expect((await test.gql(REFRESH, { input: { refreshToken: refreshed.data.refreshSession.refreshToken } })).errors?.[0]?.extensions.code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("accepts each code once", async () => {
    const { verifier, challenge } = pkce();
    const code = (await mobileSignIn(person({ email: uniqueEmail(), email_verified: true }), challenge)).searchParams.get("code")!;
    const [first, second] = [
      await test.gql(EXCHANGE, { input: { code, codeVerifier: verifier } }),
      await test.gql(EXCHANGE, { input: { code, codeVerifier: verifier } }),
    ];
    expect(first.errors).toBeUndefined();
    expect(second.data.exchangeSignInCode).toBeNull();
    expect(second.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a code with another app's verifier, and the code is then spent", async () => {
    const { verifier, challenge } = pkce();
    const code = (await mobileSignIn(person({ email: uniqueEmail(), email_verified: true }), challenge)).searchParams.get("code")!;
    const intercepted = await test.gql(EXCHANGE, { input: { code, codeVerifier: pkce().verifier } });
    expect(intercepted.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect((await test.gql(EXCHANGE, { input: { code, codeVerifier: verifier } })).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a code after its minute is up", async () => {
    const { verifier, challenge } = pkce();
    const code = (await mobileSignIn(person({ email: uniqueEmail(), email_verified: true }), challenge)).searchParams.get("code")!;
    const stored = await test.app.services.db.signInCode.findFirstOrThrow({ where: { codeHash: createHash("sha256").update(code).digest("hex") } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(60_000);
    await test.app.services.db.signInCode.update({ where: { id: stored.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await test.gql(EXCHANGE, { input: { code, codeVerifier: verifier } })).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("validates the exchange input", async () => {
    const result = await test.gql(EXCHANGE, { input: { code: "lgc_x", codeVerifier: "short" } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "codeVerifier" });
  });

  it("reports failures to the app's redirect URI with its state", async () => {
    const account = await test.signUp(uniqueEmail());
    const landing = await mobileSignIn(person({ email: account.email, email_verified: false }), pkce().challenge, "s-42");
    expect(Object.fromEntries(landing.searchParams)).toEqual({ error: "EMAIL_NOT_VERIFIED", state: "s-42" });
  });
});
