import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_JWT_SECRET, TEST_PUBLIC_BASE_URL, testDatabase, type TestApp } from "../../tests/helpers/test-app.js";
import { keyIdOf } from "./access-tokens.js";

const LOG_IN = `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken user { email } } }`;
const REFRESH = `mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken } }`;
const LOG_OUT = `mutation ($input: LogOutInput!) { logOut(input: $input) { success revokedSessions } }`;
const CHANGE_PASSWORD = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken refreshToken user { email } } }`;
const ME = `{ me { id email } }`;
const PASSWORD = "correct horse battery";

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp({ REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
});
afterAll(() => test.close());

const logIn = (email: string, password = PASSWORD, extra: Record<string, unknown> = {}) => test.gql(LOG_IN, { input: { email, password, ...extra } });
const refreshFails = async (refreshToken: string) =>
  (await test.gql(REFRESH, { input: { refreshToken } })).errors?.[0]?.extensions.code === "UNAUTHENTICATED";

describe("signing out everywhere", () => {
  it("revokes every session of the user with one refresh token", async () => {
    const user = await test.signUp();
    const laptop = (await logIn(user.email)).data.logIn;
    const phone = (await logIn(user.email)).data.logIn;
    const other = await test.signUp(); // someone else stays signed in

    const result = await test.gql(LOG_OUT, { input: { refreshToken: phone.refreshToken, everywhere: true } });
    expect(result.data.logOut).toEqual({ success: true, revokedSessions: 3 });
    for (const token of [user.refreshToken, laptop.refreshToken, phone.refreshToken]) expect(await refreshFails(token)).toBe(true);
    expect(await refreshFails(other.refreshToken)).toBe(false);
  });

  it("works with an access token alone", async () => {
    const user = await test.signUp();
    const second = (await logIn(user.email)).data.logIn;
    const result = await test.gql(LOG_OUT, { input: { everywhere: true } }, { token: user.token });
    expect(result.data.logOut).toEqual({ success: true, revokedSessions: 2 });
    expect(await refreshFails(user.refreshToken)).toBe(true);
    expect(await refreshFails(second.refreshToken)).toBe(true);
  });

  it("logs out only one session without everywhere, and needs a token to know which", async () => {
    const user = await test.signUp();
    const second = (await logIn(user.email)).data.logIn;
    expect((await test.gql(LOG_OUT, { input: { refreshToken: second.refreshToken } })).data.logOut).toEqual({ success: true, revokedSessions: 1 });
    expect(await refreshFails(second.refreshToken)).toBe(true);
    expect(await refreshFails(user.refreshToken)).toBe(false);
    const nothing = await test.gql(LOG_OUT, { input: {} }, { token: user.token });
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "refreshToken" });
  });
});

describe("changePassword", () => {
  it("changes the password, revokes every session and returns a new one for this device", async () => {
    const user = await test.signUp();
    const elsewhere = (await logIn(user.email)).data.logIn;
    const result = await test.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: PASSWORD, newPassword: "a brand new passphrase" } },
      { token: user.token },
    );
    expect(result.errors).toBeUndefined();
    const session = result.data.changePassword;
    expect(session.user.email).toBe(user.email);

    expect(await refreshFails(user.refreshToken)).toBe(true);
    expect(await refreshFails(elsewhere.refreshToken)).toBe(true);
    expect(await refreshFails(session.refreshToken)).toBe(false);
    expect((await logIn(user.email)).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect((await logIn(user.email, "a brand new passphrase")).data.logIn.user.email).toBe(user.email);
  });

  it("refuses a wrong current password, a weak or unchanged new one, with the field named", async () => {
    const user = await test.signUp();
    const attempt = (input: Record<string, string>) => test.gql(CHANGE_PASSWORD, { input }, { token: user.token });
    expect((await attempt({ currentPassword: "not my password", newPassword: "a brand new passphrase" })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "currentPassword",
    });
    expect((await attempt({ currentPassword: PASSWORD, newPassword: "short" })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "newPassword",
    });
    expect((await attempt({ currentPassword: PASSWORD, newPassword: PASSWORD })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "newPassword",
    });
    expect(await refreshFails(user.refreshToken)).toBe(false);
  });

  it("needs a session", async () => {
    const anonymous = await test.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD, newPassword: "a brand new passphrase" } });
    expect(anonymous.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("the refresh cookie for web clients", () => {
  const post = (body: object, cookie?: string) =>
    fetch(`${test.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const cookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith("__Secure-lg_refresh="));

  it("keeps the refresh token out of the JSON, rotates it in the cookie, and clears it on logOut", async () => {
    const user = await test.signUp();
    const login = await post({ query: LOG_IN, variables: { input: { email: user.email, password: PASSWORD, refreshTokenDelivery: "COOKIE" } } });
    const body = await login.json();
    expect(body.data.logIn.refreshToken).toBeNull();
    expect(body.data.logIn.accessToken).toBeTruthy();
    const set = cookieOf(login)!;
    expect(set).toMatch(/^__Secure-lg_refresh=lgr_[\w-]+; Path=\/graphql; HttpOnly; SameSite=Strict; Max-Age=2592000; Secure$/);
    const first = set.split(";")[0]!;

    const refreshed = await post({ query: REFRESH, variables: { input: {} } }, first);
    expect((await refreshed.json()).data.refreshSession).toMatchObject({ accessToken: expect.any(String), refreshToken: null });
    const second = cookieOf(refreshed)!.split(";")[0]!;
    expect(second).not.toBe(first);

    // The old cookie again: theft detection revokes the family and the cookie is cleared.
    const reused = await post({ query: REFRESH, variables: { input: {} } }, first);
    expect((await reused.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(cookieOf(reused)).toMatch(/^__Secure-lg_refresh=; .*Max-Age=0/);
    expect((await (await post({ query: REFRESH, variables: { input: {} } }, second)).json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("logs out through the cookie", async () => {
    const user = await test.signUp();
    const login = await post({ query: LOG_IN, variables: { input: { email: user.email, password: PASSWORD, refreshTokenDelivery: "COOKIE" } } });
    const cookie = cookieOf(login)!.split(";")[0]!;
    const out = await post({ query: LOG_OUT, variables: { input: {} } }, cookie);
    expect((await out.json()).data.logOut).toEqual({ success: true, revokedSessions: 1 });
    expect(cookieOf(out)).toMatch(/Max-Age=0/);
    expect((await (await post({ query: REFRESH, variables: { input: {} } }, cookie)).json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("is refused from another site's pages, and left intact", async () => {
    const user = await test.signUp();
    const login = await post({ query: LOG_IN, variables: { input: { email: user.email, password: PASSWORD, refreshTokenDelivery: "COOKIE" } } });
    const cookie = cookieOf(login)!.split(";")[0]!;
    const from = (origin: string) =>
      fetch(`${test.baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin },
        body: JSON.stringify({ query: REFRESH, variables: { input: {} } }),
      }).then((r) => r.json());
    const evil = await from("https://lg.test.evil.example");
    expect(evil.errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await from(TEST_PUBLIC_BASE_URL)).data.refreshSession.accessToken).toBeTruthy();
  });

  it("answers UNAUTHENTICATED to a refresh with neither token nor cookie", async () => {
    expect((await test.gql(REFRESH, { input: {} })).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("login throttling", () => {
  /** Signs in from a given client address (TRUST_PROXY=1 makes X-Forwarded-For's last entry the client). */
  const from = (app: TestApp, ip: string) => (email: string, password: string) =>
    app.gql(LOG_IN, { input: { email, password } }, { headers: { "x-forwarded-for": ip } });

  it("slows one client guessing an account, answers like the API limiter (429, Retry-After, RateLimit-*), and never locks the owner out", async () => {
    const throttled = await startTestApp({ TRUST_PROXY: "1", LOGIN_MAX_FAILURES_PER_CLIENT: "3", REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
    try {
      const user = await throttled.signUp();
      const attacker = from(throttled, "203.0.113.7");
      for (let i = 0; i < 2; i++) expect((await attacker(user.email, "wrong password")).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      expect((await attacker(user.email, PASSWORD)).data.logIn.user.email).toBe(user.email); // a success forgives

      for (let i = 0; i < 3; i++) expect((await attacker(user.email, "wrong password")).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      const limited = await attacker(user.email, PASSWORD); // this client waits now, even with the right password
      expect(limited.status).toBe(429);
      expect(limited.data.logIn).toBeNull();
      expect(limited.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
      const retryAfter = limited.errors![0]!.extensions.retryAfter as number;
      expect(retryAfter).toBeGreaterThan(800);
      expect(limited.headers.get("retry-after")).toBe(String(retryAfter));
      expect(limited.headers.get("ratelimit-policy")).toBe("3;w=900");
      expect(limited.headers.get("ratelimit-remaining")).toBe("0");

      // The owner, anywhere else, is not affected: ten wrong passwords no longer lock an account.
      expect((await from(throttled, "198.51.100.20")(user.email, PASSWORD)).data.logIn.user.email).toBe(user.email);

      // An unknown account is throttled the same way (nothing tells which accounts exist).
      const ghost = `ghost-${randomUUID()}@example.com`;
      for (let i = 0; i < 3; i++) await attacker(ghost, "whatever");
      expect((await attacker(ghost, "whatever")).errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
    } finally {
      await throttled.close();
    }
  });

  it("past the per-account ceiling (a distributed guess), new clients wait but clients that signed in before do not", async () => {
    const throttled = await startTestApp({
      TRUST_PROXY: "1",
      LOGIN_MAX_FAILURES_PER_ACCOUNT: "4",
      REDIS_KEY_PREFIX: `test:${randomUUID()}:`,
    });
    try {
      const user = await throttled.signUp();
      expect((await from(throttled, "198.51.100.1")(user.email, PASSWORD)).data.logIn).toBeTruthy(); // the owner's usual address
      for (let bot = 1; bot <= 4; bot++) {
        expect((await from(throttled, `203.0.113.${bot}`)(user.email, "guess")).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      }
      const newcomer = await from(throttled, "203.0.113.99")(user.email, "guess");
      expect(newcomer.status).toBe(429);
      expect(newcomer.errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
      const owner = await from(throttled, "198.51.100.1")(user.email, PASSWORD);
      expect(owner.errors).toBeUndefined();
      expect(owner.data.logIn.user.email).toBe(user.email);
    } finally {
      await throttled.close();
    }
  });

  it("limits attempts per client address across accounts", async () => {
    const throttled = await startTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: "4", REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) {
        const result = await throttled.gql(LOG_IN, { input: { email: `spray-${i}-${randomUUID()}@example.com`, password: "password1234" } });
        codes.push(result.errors?.[0]?.extensions.code);
      }
      expect(codes).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "RATE_LIMITED"]);
    } finally {
      await throttled.close();
    }
  });

  it("counts across instances through Redis", async () => {
    const prefix = `test:${randomUUID()}:`;
    const env = { REDIS_URL: "redis://127.0.0.1:6379", REDIS_KEY_PREFIX: prefix, LOGIN_MAX_FAILURES_PER_CLIENT: "2" };
    const first = await startTestApp(env);
    const second = await startTestApp(env);
    try {
      const email = `shared-${randomUUID()}@example.com`;
      const attempt = (app: TestApp) => app.gql(LOG_IN, { input: { email, password: "password1234" } });
      expect((await attempt(first)).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      expect((await attempt(second)).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      expect((await attempt(first)).errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
      expect((await attempt(second)).errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
      const keys = await first.app.services.redis!.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join(" ")).not.toContain(email); // accounts are keyed by a hash
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe("access-token signing keys", () => {
  const OLD_SECRET = "an-old-signing-secret-that-is-long-enough!";
  const NEW_SECRET = "a-new-signing-secret-that-is-long-enough!!";
  const headerOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString());

  it("rotates: tokens name their key, old keys verify until their tokens expire, removed keys do not", async () => {
    // The apps share one database: PostgreSQL, or the same embedded data directory one after another.
    const dataDir = testDatabase() === "embedded" ? await mkdtemp(path.join(tmpdir(), "lg-rotation-")) : "memory://";
    const start = (env: Record<string, string>) => startTestApp({ DATA_DIR: dataDir, ...env });
    try {
      const before = await start({ JWT_SECRET: OLD_SECRET });
      const user = await before.signUp();
      expect(headerOf(user.token)).toEqual({ alg: "HS256", typ: "JWT", kid: keyIdOf(new TextEncoder().encode(OLD_SECRET)) });
      await before.close();

      const during = await start({ JWT_SECRET: NEW_SECRET, JWT_PREVIOUS_SECRETS: OLD_SECRET });
      expect((await during.gql(ME, {}, { token: user.token })).data.me.email).toBe(user.email);
      const renewed = (await during.gql(REFRESH, { input: { refreshToken: user.refreshToken } })).data.refreshSession;
      expect(headerOf(renewed.accessToken).kid).toBe(keyIdOf(new TextEncoder().encode(NEW_SECRET)));
      // An expired token of the old key stays expired.
      const expired = await new SignJWT({ role: "USER" })
        .setProtectedHeader({ alg: "HS256", kid: keyIdOf(new TextEncoder().encode(OLD_SECRET)) })
        .setSubject(randomUUID())
        .setIssuer(TEST_PUBLIC_BASE_URL)
        .setAudience("linkgraph")
        .setIssuedAt(Math.floor(Date.now() / 1000) - 1000)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 100)
        .sign(new TextEncoder().encode(OLD_SECRET));
      expect((await during.gql(ME, {}, { token: expired })).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      await during.close();

      const after = await start({ JWT_SECRET: NEW_SECRET });
      expect((await after.gql(ME, {}, { token: user.token })).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      expect((await after.gql(ME, {}, { token: renewed.accessToken })).data.me.email).toBe(user.email);
      await after.close();
    } finally {
      if (dataDir !== "memory://") await rm(dataDir, { recursive: true, force: true });
    }
  });

  describe("rejects", () => {
    const secret = new TextEncoder().encode(TEST_JWT_SECRET);
    const claims = (jwt: SignJWT) =>
      jwt.setSubject(randomUUID()).setIssuer(TEST_PUBLIC_BASE_URL).setAudience("linkgraph").setIssuedAt().setExpirationTime("5m");

    it.each([
      [
        "a token with a kid no key has",
        async () => claims(new SignJWT({ role: "USER" }).setProtectedHeader({ alg: "HS256", kid: "unknown-key" })).sign(secret),
      ],
      [
        "RS256 (an asymmetric algorithm) under our kid",
        async () => {
          const { privateKey } = await generateKeyPair("RS256");
          return claims(new SignJWT({ role: "ADMIN" }).setProtectedHeader({ alg: "RS256", kid: keyIdOf(secret) })).sign(privateKey);
        },
      ],
      [
        "HS256 keyed with a public key (algorithm confusion)",
        async () => {
          const { publicKey } = await generateKeyPair("RS256", { extractable: true });
          const jwk = await exportJWK(publicKey);
          return claims(new SignJWT({ role: "ADMIN" }).setProtectedHeader({ alg: "HS256" })).sign(new TextEncoder().encode(JSON.stringify(jwk)));
        },
      ],
      [
        "alg none carrying our kid",
        async () => {
          const unsigned = new UnsecuredJWT({ role: "ADMIN" })
            .setSubject(randomUUID())
            .setIssuer(TEST_PUBLIC_BASE_URL)
            .setAudience("linkgraph")
            .setIssuedAt()
            .setExpirationTime("5m")
            .encode();
          const [, payload] = unsigned.split(".");
          return `${Buffer.from(JSON.stringify({ alg: "none", kid: keyIdOf(secret) })).toString("base64url")}.${payload}.`;
        },
      ],
      [
        "a token without an expiry",
        async () =>
          new SignJWT({ role: "USER" })
            .setProtectedHeader({ alg: "HS256" })
            .setSubject(randomUUID())
            .setIssuer(TEST_PUBLIC_BASE_URL)
            .setAudience("linkgraph")
            .setIssuedAt()
            .sign(secret),
      ],
      ["a malformed Authorization header", async () => "two words"],
    ])("%s with UNAUTHENTICATED", async (_case, makeToken) => {
      const result = await test.gql(ME, {}, { headers: { authorization: `Bearer ${await makeToken()}` } });
      expect(result.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      expect(result.data?.me ?? null).toBeNull();
    });
  });
});
