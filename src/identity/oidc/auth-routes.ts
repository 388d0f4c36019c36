import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import * as client from "openid-client";
import { sendProblem } from "../../links/redirect-route.js";
import { sendError } from "../../platform/problem.js";
import type { Services } from "../../services.js";
import { readCookie, refreshCookieHeader } from "../refresh-cookie.js";
import { startSession } from "../sessions.js";
import { SignInRefused, userForIdentity } from "./link-identity.js";
import { CODE_CHALLENGE, issueSignInCode } from "./sign-in-codes.js";
import { TRANSACTION_TTL_SECONDS, type SignInTarget, type TransactionSealer } from "./sign-in-transaction.js";

const ROUTE = /^\/auth\/([a-z][a-z0-9-]{0,31})\/(login|callback)$/;
const TRANSACTION_COOKIE = "lg_oidc";
const RETURN_TO = /^\/(?![/\\])[^\s]{0,2047}$/;
const APP_STATE = /^[\x21-\x7e]{1,512}$/;

type AuthServices = Pick<Services, "config" | "log" | "db" | "accessTokens" | "signInProviders">;

/**
 * GET /auth/<provider>/login and /auth/<provider>/callback: OpenID Connect sign-in with the
 * Authorization Code flow, PKCE, state and nonce. The login route sends the browser to the
 * provider and keeps what the callback needs in a sealed, short-lived cookie bound to that
 * browser. The callback ends in a redirect: to the web app with the refresh cookie set, or to a
 * registered mobile redirect URI with a one-time code. Tokens never appear in a URL.
 */
export function createAuthRoutes(services: AuthServices, transactions: TransactionSealer) {
  const { config, log, signInProviders } = services;
  const secure = config.publicBaseUrl.startsWith("https://");
  const callbackUrl = (provider: string) => `${config.publicBaseUrl}/auth/${provider}/callback`;
  const transactionCookie = (provider: string, value: string, maxAge: number) =>
    [
      `${TRANSACTION_COOKIE}=${value}`,
      `Path=/auth/${provider}/callback`,
      "HttpOnly",
      "SameSite=Lax",
      `Max-Age=${maxAge}`,
      ...(secure ? ["Secure"] : []),
    ].join("; ");

  function parseTarget(query: URLSearchParams): SignInTarget | { problem: [string, string] } {
    const redirectUri = query.get("redirect_uri");
    if (redirectUri !== null) {
      if (!config.oidc.mobileRedirectUris.includes(redirectUri)) {
        return { problem: ["INVALID_REDIRECT_URI", "redirect_uri is not one of the registered mobile redirect URIs (OIDC_MOBILE_REDIRECT_URIS)"] };
      }
      const codeChallenge = query.get("code_challenge") ?? "";
      if (!CODE_CHALLENGE.test(codeChallenge) || (query.get("code_challenge_method") ?? "S256") !== "S256") {
        return {
          problem: [
            "INVALID_CODE_CHALLENGE",
            "Mobile sign-in needs code_challenge = base64url(sha256(code_verifier)) with code_challenge_method S256",
          ],
        };
      }
      const appState = query.get("state") ?? undefined;
      if (appState !== undefined && !APP_STATE.test(appState)) return { problem: ["INVALID_STATE", "state must be 1–512 visible ASCII characters"] };
      return { kind: "mobile", redirectUri, codeChallenge, appState };
    }
    const returnTo = query.get("return_to") ?? "/";
    if (!RETURN_TO.test(returnTo)) return { problem: ["INVALID_RETURN_TO", "return_to must be a path on this site, such as /dashboard"] };
    return { kind: "web", returnTo };
  }

  function redirect(res: ServerResponse, location: string, cookies: string[]) {
    res.writeHead(302, { location, "set-cookie": cookies, "cache-control": "no-store", "referrer-policy": "no-referrer" });
    res.end();
  }

  /** Ends a sign-in that cannot complete where its target will hear about it. */
  function fail(res: ServerResponse, target: SignInTarget, code: string, cookies: string[]) {
    const url = target.kind === "web" ? new URL(target.returnTo, config.publicBaseUrl) : new URL(target.redirectUri);
    url.searchParams.set("error", code);
    if (target.kind === "mobile" && target.appState) url.searchParams.set("state", target.appState);
    redirect(res, url.href, cookies);
  }

  async function login(req: IncomingMessage, res: ServerResponse, providerId: string, query: URLSearchParams) {
    const provider = signInProviders.get(providerId)!;
    const target = parseTarget(query);
    if ("problem" in target) return sendProblem(req, res, 400, ...target.problem);
    let configuration: client.Configuration;
    try {
      configuration = await provider.configuration();
    } catch {
      return sendProblem(req, res, 503, "PROVIDER_UNAVAILABLE", `${provider.settings.name} cannot be reached; try again shortly.`);
    }
    const codeVerifier = client.randomPKCECodeVerifier();
    const transaction = { provider: providerId, state: client.randomState(), nonce: client.randomNonce(), codeVerifier, target };
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: callbackUrl(providerId),
      scope: provider.settings.scopes,
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
    });
    redirect(res, authorizationUrl.href, [transactionCookie(providerId, await transactions.seal(transaction), TRANSACTION_TTL_SECONDS)]);
  }

  async function callback(req: IncomingMessage, res: ServerResponse, providerId: string, query: URLSearchParams) {
    const provider = signInProviders.get(providerId)!;
    const transaction = await transactions.open(readCookie(req.headers.cookie, TRANSACTION_COOKIE), providerId);
    // Whatever happens next, this attempt is over.
    const cleared = [transactionCookie(providerId, "", 0)];
    if (!transaction) {
      res.setHeader("set-cookie", cleared);
      return sendProblem(req, res, 400, "SIGN_IN_EXPIRED", "This sign-in was not started in this browser or took too long; start again.");
    }
    if (!sameString(query.get("state") ?? "", transaction.state)) {
      res.setHeader("set-cookie", cleared);
      return sendProblem(req, res, 400, "STATE_MISMATCH", "The sign-in response does not belong to the sign-in this browser started; start again.");
    }
    const { target } = transaction;

    let identity;
    try {
      const configuration = await provider.configuration();
      const currentUrl = new URL(`${callbackUrl(providerId)}?${query}`);
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let { email, email_verified: emailVerified } = claims as { email?: unknown; email_verified?: unknown };
      if (email === undefined && configuration.serverMetadata().userinfo_endpoint) {
        const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        ({ email, email_verified: emailVerified } = userInfo);
      }
      identity = {
        provider: providerId,
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof email === "string" ? email : undefined,
        emailVerified: emailVerified === true || emailVerified === "true",
      };
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError) {
        log.info({ provider: providerId, error: error.error }, "sign-in ended at the provider");
        return fail(res, target, error.error === "access_denied" ? "ACCESS_DENIED" : "PROVIDER_ERROR", cleared);
      }
      // Never the error's cause: it may hold the provider's response, tokens included.
      log.warn(
        { provider: providerId, err: { name: (error as Error).name, message: (error as Error).message, code: (error as { code?: string }).code } },
        "sign-in response rejected",
      );
      return fail(res, target, "SIGN_IN_FAILED", cleared);
    }

    let user;
    try {
      user = await userForIdentity(services.db, identity);
    } catch (error) {
      if (error instanceof SignInRefused) return fail(res, target, error.code, cleared);
      throw error;
    }
    log.info({ provider: providerId, userId: user.id, target: target.kind }, "signed in with a provider");
    if (target.kind === "mobile") {
      const url = new URL(target.redirectUri);
      url.searchParams.set("code", await issueSignInCode(services.db, user.id, target.codeChallenge));
      if (target.appState) url.searchParams.set("state", target.appState);
      return redirect(res, url.href, cleared);
    }
    const session = await startSession(services, user);
    redirect(res, new URL(target.returnTo, config.publicBaseUrl).href, [...cleared, refreshCookieHeader(config, session.refreshToken)]);
  }

  return function handleAuth(req: IncomingMessage, res: ServerResponse, path: string) {
    const match = ROUTE.exec(path);
    if (!match || !signInProviders.get(match[1]!)) return sendProblem(req, res, 404, "NOT_FOUND", "No such sign-in provider.");
    if (req.method !== "GET") {
      return sendError(res, 405, "METHOD_NOT_ALLOWED", "Sign-in routes answer GET", { allow: "GET" });
    }
    const query = new URL(req.url ?? "/", "http://localhost").searchParams;
    const handle = match[2] === "login" ? login : callback;
    handle(req, res, match[1]!, query).catch((error: unknown) => {
      log.error({ err: error, provider: match[1] }, "sign-in route failed");
      if (!res.headersSent) sendProblem(req, res, 500, "INTERNAL_SERVER_ERROR", "Something went wrong; start again.");
      else res.end();
    });
  };
}

function sameString(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
