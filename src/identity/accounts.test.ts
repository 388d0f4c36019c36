import { SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_JWT_SECRET, TEST_PUBLIC_BASE_URL, type TestApp } from "../../tests/helpers/test-app.js";

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test.close());

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken accessTokenExpiresAt user { id email } } }`;
const LOG_IN = `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken user { email } } }`;
const REFRESH = `mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken user { email } } }`;
const LOG_OUT = `mutation ($input: LogOutInput!) { logOut(input: $input) { success } }`;
const ME = `{ me { id email role } }`;

const uniqueEmail = () => `Person.${Math.random().toString(36).slice(2)}@Example.COM`;

describe("signUp and logIn", () => {
  it("creates an account with a normalised email and a 15-minute access token", async () => {
    const email = uniqueEmail();
    const result = await test.gql(SIGN_UP, { input: { email: `  ${email} `, password: "long enough pass" } });
    expect(result.errors).toBeUndefined();
    const session = result.data.signUp;
    expect(session.user.email).toBe(email.toLowerCase());
    const lifetime = new Date(session.accessTokenExpiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);
    const me = await test.gql(ME, {}, { token: session.accessToken });
    expect(me.data.me).toEqual({ id: session.user.id, email: email.toLowerCase(), role: "USER" });
  });

  it("stores the password as an argon2id hash", async () => {
    const email = uniqueEmail();
    await test.gql(SIGN_UP, { input: { email, password: "long enough pass" } });
    const user = await test.app.services.db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    [{ email: "not-an-email", password: "long enough pass" }, "email"],
    [{ email: "a@b.co", password: "short" }, "password"],
    [{ email: `${"x".repeat(250)}@b.co`, password: "long enough pass" }, "email"],
  ])("refuses %j with BAD_USER_INPUT on %s", async (input, field) => {
    const result = await test.gql(SIGN_UP, { input });
    expect(result.data.signUp).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    const email = uniqueEmail();
    await test.gql(SIGN_UP, { input: { email, password: "long enough pass" } });
    const again = await test.gql(SIGN_UP, { input: { email: email.toUpperCase(), password: "another long one" } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "email" });
  });

  it("logs in with the right password only, with one message for every failure", async () => {
    const email = uniqueEmail();
    await test.gql(SIGN_UP, { input: { email, password: "long enough pass" } });
    const ok = await test.gql(LOG_IN, { input: { email, password: "long enough pass" } });
    expect(ok.data.logIn.user.email).toBe(email.toLowerCase());
    const wrong = await test.gql(LOG_IN, { input: { email, password: "wrong password!" } });
    const unknown = await test.gql(LOG_IN, { input: { email: uniqueEmail(), password: "long enough pass" } });
    for (const failed of [wrong, unknown]) {
      expect(failed.data.logIn).toBeNull();
      expect(failed.errors?.[0]).toMatchObject({ message: "Email or password is incorrect", extensions: { code: "UNAUTHENTICATED" } });
    }
  });
});

describe("refresh tokens", () => {
  it("rotate on every use, and reuse of an old one revokes the whole family", async () => {
    const { refreshToken: first } = await test.signUp();
    const second = (await test.gql(REFRESH, { input: { refreshToken: first } })).data.refreshSession;
    expect(second.refreshToken).not.toBe(first);
    expect((await test.gql(ME, {}, { token: second.accessToken })).data.me).not.toBeNull();

    const reused = await test.gql(REFRESH, { input: { refreshToken: first } });
    expect(reused.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    // The thief's reuse also kills the legitimate holder's newer token.
    const afterTheft = await test.gql(REFRESH, { input: { refreshToken: second.refreshToken } });
    expect(afterTheft.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("stop working after logOut", async () => {
    const { refreshToken } = await test.signUp();
    expect((await test.gql(LOG_OUT, { input: { refreshToken } })).data.logOut.success).toBe(true);
    const refreshed = await test.gql(REFRESH, { input: { refreshToken } });
    expect(refreshed.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("are stored only as hashes", async () => {
    const { refreshToken } = await test.signUp();
    const stored = await test.app.services.db.refreshToken.findMany({ where: { tokenHash: refreshToken } });
    expect(stored).toEqual([]);
  });
});

describe("access tokens", () => {
  const secret = new TextEncoder().encode(TEST_JWT_SECRET);
  const claims = { role: "ADMIN" };
  const sign = (build: (jwt: SignJWT) => SignJWT, key: Uint8Array = secret, alg = "HS256") =>
    build(new SignJWT(claims).setProtectedHeader({ alg }).setSubject("0192f7a0-0000-7000-8000-000000000000").setIssuedAt()).sign(key);
  const valid = (jwt: SignJWT) => jwt.setIssuer(TEST_PUBLIC_BASE_URL).setAudience("linkgraph").setExpirationTime("5m");

  it("accepts a well-formed token (the control case)", async () => {
    const result = await test.gql(`{ __typename }`, {}, { token: await sign(valid) });
    expect(result.errors).toBeUndefined();
  });

  it.each([
    [
      "alg none",
      async () =>
        new UnsecuredJWT(claims)
          .setSubject("x")
          .setIssuer(TEST_PUBLIC_BASE_URL)
          .setAudience("linkgraph")
          .setIssuedAt()
          .setExpirationTime("5m")
          .encode(),
    ],
    ["another algorithm (HS512)", () => sign(valid, secret, "HS512")],
    ["a bad signature", () => sign(valid, new TextEncoder().encode("another-secret-another-secret-xx!"))],
    ["a wrong issuer", () => sign((j) => valid(j).setIssuer("https://evil.example"))],
    ["a wrong audience", () => sign((j) => valid(j).setAudience("someone-else"))],
    [
      "an expired token",
      () =>
        sign((j) =>
          j
            .setIssuer(TEST_PUBLIC_BASE_URL)
            .setAudience("linkgraph")
            .setExpirationTime(Math.floor(Date.now() / 1000) - 120),
        ),
    ],
    ["a token not valid yet", () => sign((j) => valid(j).setNotBefore(Math.floor(Date.now() / 1000) + 3600))],
    ["garbage", async () => "not.a.jwt"],
  ])("rejects %s with UNAUTHENTICATED", async (_case, makeToken) => {
    const result = await test.gql(ME, {}, { token: await makeToken() });
    expect(result.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(result.data?.me ?? null).toBeNull();
  });

  it("answers me with null when anonymous", async () => {
    const result = await test.gql(ME);
    expect(result.errors).toBeUndefined();
    expect(result.data.me).toBeNull();
  });
});
