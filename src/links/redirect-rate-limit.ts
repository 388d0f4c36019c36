import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "../config.js";
import { clientIp } from "../platform/client-ip.js";
import { sendProblem } from "../platform/problem.js";
import { createTokenBuckets } from "../platform/token-bucket.js";

/**
 * Redirects are limited per client IP, generously (RATE_LIMIT_REDIRECTS_PER_MINUTE, 0 = off) and
 * apart from the API: an in-process token bucket, synchronous, so a cache hit still answers
 * without awaiting anything. Per instance, not shared through Redis: a client spread over N
 * instances gets up to N times the limit, which is the price of never waiting on the hot path.
 * Returns whether the request may proceed; when not, it has answered 429.
 */
export function createRedirectRateLimit(config: Pick<Config, "rateLimits" | "trustProxy">) {
  const perMinute = config.rateLimits.redirectsPerMinute;
  if (perMinute === 0) return () => true;
  const buckets = createTokenBuckets({ capacity: perMinute, periodMs: 60_000 });
  return function admit(req: IncomingMessage, res: ServerResponse): boolean {
    const decision = buckets.take(clientIp(req, config.trustProxy));
    if (decision.allowed) return true;
    const retryAfter = Math.max(1, Math.ceil(decision.resetMs / 1000));
    const message = `Too many requests: retry in ${retryAfter} s.`;
    const headers = {
      "retry-after": String(retryAfter),
      "ratelimit-limit": String(decision.limit),
      "ratelimit-remaining": "0",
      "ratelimit-reset": String(retryAfter),
      "ratelimit-policy": `${decision.limit};w=60`,
    };
    if ((req.headers.accept ?? "").includes("text/html")) {
      res.writeHead(429, { ...headers, "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(`<!doctype html><meta charset="utf-8"><title>429</title><h1>${message}</h1>`);
    } else {
      sendProblem(res, { status: 429, code: "RATE_LIMITED", detail: message, extensions: { retryAfter }, headers });
    }
    return false;
  };
}
