import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config.js";

const base = { NODE_ENV: "test", DATA_DIR: "memory://" };
const provider = {
  OIDC_PROVIDERS: "google,corp-sso",
  OIDC_GOOGLE_ISSUER: "https://accounts.google.com",
  OIDC_GOOGLE_CLIENT_ID: "g-id",
  OIDC_GOOGLE_CLIENT_SECRET: "g-secret",
  OIDC_CORP_SSO_ISSUER: "http://localhost:8080/realms/staff",
  OIDC_CORP_SSO_CLIENT_ID: "linkgraph",
  OIDC_CORP_SSO_NAME: "Corp SSO",
};

const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return "";
};

describe("OpenID Connect provider settings", () => {
  it("reads several providers, each from its own OIDC_<ID>_* settings", () => {
    const config = loadConfig({ ...base, ...provider, OIDC_MOBILE_REDIRECT_URIS: "com.example.linkgraph:/oauth, https://app.example.com/auth/done" });
    expect(config.oidc.providers.map((p) => ({ ...p, issuer: p.issuer.href }))).toEqual([
      {
        id: "google",
        name: "google",
        issuer: "https://accounts.google.com/",
        clientId: "g-id",
        clientSecret: "g-secret",
        scopes: "openid email profile",
      },
      {
        id: "corp-sso",
        name: "Corp SSO",
        issuer: "http://localhost:8080/realms/staff",
        clientId: "linkgraph",
        clientSecret: undefined,
        scopes: "openid email profile",
      },
    ]);
    expect(config.oidc.mobileRedirectUris).toEqual(["com.example.linkgraph:/oauth", "https://app.example.com/auth/done"]);
  });

  it.each([
    [{ OIDC_PROVIDERS: "Google!" }, 'OIDC_PROVIDERS: "Google!" must be 1–32 of a–z 0–9 -'],
    [{ OIDC_PROVIDERS: "google" }, "OIDC_GOOGLE_ISSUER: required"],
    [{ OIDC_PROVIDERS: "google", OIDC_GOOGLE_ISSUER: "https://accounts.google.com" }, "OIDC_GOOGLE_CLIENT_ID: required"],
    [
      { OIDC_PROVIDERS: "kc", OIDC_KC_ISSUER: "http://sso.example.com/realms/x", OIDC_KC_CLIENT_ID: "a" },
      "OIDC_KC_ISSUER: must be https (plain http only on localhost)",
    ],
    [
      { OIDC_PROVIDERS: "kc", OIDC_KC_ISSUER: "https://sso.example.com", OIDC_KC_CLIENT_ID: "a", OIDC_KC_SCOPES: "email" },
      'OIDC_KC_SCOPES: must include "openid"',
    ],
    [
      { OIDC_MOBILE_REDIRECT_URIS: "myapp:/cb" },
      'OIDC_MOBILE_REDIRECT_URIS: "myapp:/cb" must be an https app link or a reverse-domain custom scheme',
    ],
    [{ OIDC_MOBILE_REDIRECT_URIS: "http://app.example.com/cb" }, 'OIDC_MOBILE_REDIRECT_URIS: "http://app.example.com/cb" must be'],
    [{ JWT_PREVIOUS_SECRETS: "too-short" }, "JWT_PREVIOUS_SECRETS: each secret must be at least 32 characters"],
    [{ REFRESH_COOKIE_ORIGINS: "app.example.com" }, "REFRESH_COOKIE_ORIGINS: must be comma-separated origins"],
  ])("stops start-up on %j naming the setting", (env, message) => {
    expect(problems(env)).toContain(message);
  });
});
