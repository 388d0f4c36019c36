import type { IncomingMessage, ServerResponse } from "node:http";
import { isBotUserAgent } from "../analytics/user-agent.js";
import { verifyPassword } from "../identity/passwords.js";
import { clientIp } from "../platform/client-ip.js";
import { sendError, sendProblem as sendProblemDetails } from "../platform/problem.js";
import type { Services } from "../services.js";
import type { DomainRoute } from "../domains/domain-registry.js";
import { clickSource } from "../qr/qr-source.js";
import type { CacheLookup, CachedLink } from "./link-cache.js";
import { createRedirectRateLimit } from "./redirect-rate-limit.js";
import { linkCacheKey, UNKNOWN_SLUG } from "./link-cache.js";
import { createLinkPasswordThrottle } from "./link-password-throttle.js";
import { passwordPromptPage } from "./password-prompt.js";
import type { RedirectDecision } from "./redirect-decision.js";
import { createRedirectResolver } from "./resolve-redirect.js";
import { previewPage } from "./social-preview.js";
import type { RedirectRequest } from "./visitor-facts.js";

export const LINK_PASSWORD_HEADER = "x-link-password";
const MAX_FORM_BYTES = 4096;

// no-store: every visit reaches us and is counted, even for 301/308.
const REDIRECT_HEADERS = { "cache-control": "private, no-store", "referrer-policy": "strict-origin-when-cross-origin" };

const wantsHtml = (req: IncomingMessage) => (req.headers.accept ?? "").includes("text/html");

/**
 * GET|HEAD /:slug (and POST for the password form): maps HTTP to the redirect use case
 * (resolve-redirect.ts) and its decision back to HTTP. A cache hit answers synchronously; only a
 * miss awaits, on the one lookup. Clicks are handed to the click pipeline and never awaited.
 */
export function createRedirectRoute(
  services: Pick<Services, "linkCache" | "clickPipeline" | "log" | "config" | "domains"> & Partial<Pick<Services, "metrics" | "redis">>,
) {
  const { linkCache, clickPipeline, log, domains } = services;
  // Plain numbers read when /metrics is scraped: one add per lookup.
  const cacheCounts = services.metrics?.redirectCache ?? { hits: 0, misses: 0 };
  const { countBots, countryHeader } = services.config.clicks;
  const admit = createRedirectRateLimit(services.config);
  const passwordThrottle = createLinkPasswordThrottle({ config: services.config, redis: services.redis });
  const resolver = createRedirectResolver({ trustProxy: services.config.trustProxy });

  // A few property reads: the use case derives the rest only when the link's rules ask.
  const requestFacts = (req: IncomingMessage): RedirectRequest => ({
    userAgent: req.headers["user-agent"],
    acceptLanguage: req.headers["accept-language"],
    country: countryHeader ? (req.headers[countryHeader] as string | undefined) : undefined,
    target: req.url,
    peer: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"] as string | undefined,
  });

  function serve(req: IncomingMessage, res: ServerResponse, slug: string, lookup: CacheLookup, domain: DomainRoute) {
    if (lookup === UNKNOWN_SLUG) {
      if (!domain.notFoundUrl) return sendProblem(req, res, 404, "NOT_FOUND", "This short link does not exist.");
      res.writeHead(302, { location: domain.notFoundUrl, ...REDIRECT_HEADERS });
      return void res.end();
    }
    const decision = resolver.resolveRedirect(lookup, requestFacts(req), Date.now());
    switch (decision.kind) {
      case "gone":
        return sendProblem(req, res, 410, "GONE", `This short link is no longer available (${decision.reason}).`);
      case "password":
        return void unlock(req, res, slug, lookup).catch((error: unknown) => {
          log.error({ err: error, slug }, "password check failed");
          sendProblem(req, res, 500, "INTERNAL_SERVER_ERROR", "Something went wrong.");
        });
      case "preview":
        // A link-preview crawler: its card, never a click.
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...REDIRECT_HEADERS });
        return void res.end(req.method === "HEAD" ? undefined : previewPage(decision.preview, `${services.config.publicBaseUrl}/${slug}`));
      case "redirect":
        if (decision.countsAsClick && req.method !== "HEAD") count(req, lookup, decision);
        res.writeHead(decision.status, { location: decision.location, ...REDIRECT_HEADERS });
        return void res.end();
    }
  }

  function count(req: IncomingMessage, link: CachedLink, served: Extract<RedirectDecision, { kind: "redirect" }>) {
    const { headers } = req;
    const userAgent = headers["user-agent"];
    // Only links with maxClicks pay for bot detection here: bots must not use them up.
    const capped = link.maxClicks !== null && (countBots || !isBotUserAgent(userAgent));
    if (capped) link.clicks++;
    clickPipeline.record({
      at: Date.now(),
      linkId: link.id,
      referrer: headers.referer,
      userAgent,
      peer: req.socket.remoteAddress,
      forwardedFor: headers["x-forwarded-for"] as string | undefined,
      country: countryHeader ? (headers[countryHeader] as string | undefined) : undefined,
      capped,
      ruleId: served.ruleId,
      variantId: served.variantId,
      source: clickSource(req.url),
    });
  }

  async function unlock(req: IncomingMessage, res: ServerResponse, slug: string, link: CachedLink) {
    const password = req.method === "POST" ? await readFormPassword(req) : headerValue(req.headers[LINK_PASSWORD_HEADER]);
    if (password === undefined) {
      return sendPasswordRequired(req, res, slug, false);
    }
    const client = clientIp(req, services.config.trustProxy);
    const waitMs = await passwordThrottle.waitMs(link.id, client);
    if (waitMs > 0) return sendPasswordThrottled(req, res, slug, Math.ceil(waitMs / 1000));
    if (!(await verifyPassword(link.passwordHash, password))) {
      await passwordThrottle.failed(link.id, client);
      return sendPasswordRequired(req, res, slug, true);
    }
    await passwordThrottle.succeeded(link.id, client);
    const served = resolver.destination(link, requestFacts(req), Date.now());
    if (req.method !== "HEAD") count(req, link, served);
    // After a form POST, 303 makes the browser follow with GET.
    res.writeHead(req.method === "POST" ? 303 : served.status, { location: served.location, ...REDIRECT_HEADERS });
    res.end();
  }

  return function handleRedirect(req: IncomingMessage, res: ServerResponse, slug: string) {
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") {
      return sendError(res, 405, "METHOD_NOT_ALLOWED", "Short links answer GET, HEAD and POST (password form)", { allow: "GET, HEAD, POST" });
    }
    if (!admit(req, res)) return;
    const domain = domains.route(req.headers.host);
    if (!domain.serving) return sendProblem(req, res, 404, "NOT_FOUND", "This domain is not verified yet.");
    const key = linkCacheKey(domain.id, slug);
    const hit = linkCache.peek(key);
    if (hit !== undefined) {
      cacheCounts.hits++;
      return serve(req, res, slug, hit, domain);
    }
    cacheCounts.misses++;
    linkCache.load(key).then(
      (lookup) => serve(req, res, slug, lookup, domain),
      (error: unknown) => {
        log.error({ err: error, slug }, "link lookup failed");
        sendProblem(req, res, 503, "UNAVAILABLE", "Short links are temporarily unavailable.");
      },
    );
  };
}

function headerValue(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

async function readFormPassword(req: IncomingMessage): Promise<string | undefined> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_FORM_BYTES) return undefined;
  }
  return new URLSearchParams(body).get("password") ?? undefined;
}

function sendPasswordRequired(req: IncomingMessage, res: ServerResponse, slug: string, wrong: boolean) {
  if (wantsHtml(req)) {
    res.writeHead(401, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    return void res.end(passwordPromptPage(slug, wrong));
  }
  const code = wrong ? "INVALID_PASSWORD" : "PASSWORD_REQUIRED";
  const message = wrong ? "The link password is not correct." : `This link is protected: send its password in the ${LINK_PASSWORD_HEADER} header.`;
  sendError(res, 401, code, message);
}

function sendPasswordThrottled(req: IncomingMessage, res: ServerResponse, slug: string, retryAfter: number) {
  res.setHeader("retry-after", String(retryAfter));
  const message = `Too many wrong passwords for this link: try again in ${retryAfter} s.`;
  if (wantsHtml(req)) {
    res.writeHead(429, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    return void res.end(passwordPromptPage(slug, false, message));
  }
  sendProblemDetails(res, { status: 429, code: "RATE_LIMITED", detail: message, extensions: { retryAfter } });
}

export function sendProblem(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string) {
  if (wantsHtml(req)) {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    return void res.end(`<!doctype html><meta charset="utf-8"><title>${status}</title><h1>${message}</h1>`);
  }
  sendError(res, status, code, message);
}
