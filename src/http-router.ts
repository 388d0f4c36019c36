import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isReservedSlug, SLUG_PATTERN } from "./links/link-rules.js";
import type { Logger } from "./platform/logger.js";
import type { Metrics } from "./platform/metrics.js";
import { sendError } from "./platform/problem.js";

export { sendError };

export interface Routes {
  redirect(req: IncomingMessage, res: ServerResponse, slug: string): void;
  graphql(req: IncomingMessage, res: ServerResponse): void;
  health(req: IncomingMessage, res: ServerResponse, check: "live" | "ready"): void;
  /** /dashboard and its assets. */
  dashboard(req: IncomingMessage, res: ServerResponse, path: string): void;
  /** /auth/<provider>/login and /auth/<provider>/callback (OpenID Connect sign-in). */
  auth(req: IncomingMessage, res: ServerResponse, path: string): void;
  /** GET /metrics (Prometheus); protection is the route's business. */
  metrics(req: IncomingMessage, res: ServerResponse): void;
  /** /static/<name>: content-hashed, compressed, long-cached assets (GraphiQL's). */
  static(req: IncomingMessage, res: ServerResponse, path: string): void;
  /** /api/v1/…: the REST API (src/rest). */
  rest(req: IncomingMessage, res: ServerResponse, path: string): void;
  /** GET / : the request's domain's root redirect, or 404. */
  root(req: IncomingMessage, res: ServerResponse): void;
  /** GET /internal/tls-ask?domain=: the reverse proxy asks whether to get a certificate. */
  tlsAsk(req: IncomingMessage, res: ServerResponse): void;
  /** GET /qr/<link id>.svg|.png: a link's QR code. */
  qr(req: IncomingMessage, res: ServerResponse, path: string): void;
}

export const REST_PREFIX = "/api/v1";

/**
 * The one request listener. Short links are matched first and cheaply (no URL object, no
 * logging at info level); everything else gets a request id and an access log line.
 */
export function createRequestListener(routes: Routes, options: { log: Logger; maxBodyBytes: number; metrics?: Metrics }) {
  const { log, maxBodyBytes, metrics } = options;
  return function onRequest(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? "/";
    const queryStart = url.indexOf("?");
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const slug = path.length > 1 && path.indexOf("/", 1) === -1 ? safeDecode(path.slice(1)) : undefined;
    if (slug !== undefined && SLUG_PATTERN.test(slug) && !isReservedSlug(slug)) return routes.redirect(req, res, slug);

    const requestId = headerOnce(req.headers["x-request-id"]) ?? randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    const started = performance.now();
    res.on("finish", () => {
      const ms = performance.now() - started;
      log.info({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms) }, "request");
      // An SSE subscription lasts as long as the client stays: a lifetime, not a latency.
      if (metrics && !String(res.getHeader("content-type") ?? "").startsWith("text/event-stream")) {
        metrics.httpDuration.observe({ route: routeOf(path), method: methodOf(req.method), status: res.statusCode }, ms / 1000);
      }
    });

    if (path === "/healthz") return routes.health(req, res, "live");
    if (path === "/readyz") return routes.health(req, res, "ready");
    if (path === "/dashboard" || path.startsWith("/dashboard/")) return routes.dashboard(req, res, path);
    if (path.startsWith("/auth/")) return routes.auth(req, res, path);
    if (path === "/metrics") return routes.metrics(req, res);
    if (path.startsWith("/static/")) return routes.static(req, res, path);
    if (path === "/") return routes.root(req, res);
    if (path === "/internal/tls-ask") return routes.tlsAsk(req, res);
    if (path.startsWith("/qr/")) return routes.qr(req, res, path);
    const isGraphQL = path === "/graphql";
    const isRest = path === REST_PREFIX || path.startsWith(`${REST_PREFIX}/`);
    if (isGraphQL || isRest) {
      const shape = isGraphQL ? "graphql" : "problem";
      const length = Number(req.headers["content-length"] ?? 0);
      if (length > maxBodyBytes) return refuseBody(req, res, 413, "PAYLOAD_TOO_LARGE", `Request bodies are limited to ${maxBodyBytes} bytes`, shape);
      // REST reads bodies with a running byte count (a POST without a body is fine there, as `curl -X POST`).
      if (isGraphQL && req.method === "POST" && req.headers["content-length"] === undefined) {
        return refuseBody(req, res, 411, "LENGTH_REQUIRED", "POST requests must send Content-Length", shape);
      }
      return isGraphQL ? routes.graphql(req, res) : routes.rest(req, res, path);
    }
    sendError(res, 404, "NOT_FOUND", "Not found");
  };
}

// Label values stay a small fixed set whatever paths and methods clients send.
function routeOf(path: string) {
  if (path === "/graphql" || path === "/healthz" || path === "/readyz" || path === "/metrics") return path;
  if (path === "/dashboard" || path.startsWith("/dashboard/")) return "/dashboard";
  if (path.startsWith("/auth/")) return "/auth";
  if (path.startsWith("/static/")) return "/static";
  if (path === REST_PREFIX || path.startsWith(`${REST_PREFIX}/`)) return REST_PREFIX;
  if (path.startsWith("/qr/")) return "/qr";
  if (path === "/" || path === "/internal/tls-ask") return path;
  return "other";
}

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const methodOf = (method: string | undefined) => (method !== undefined && KNOWN_METHODS.has(method) ? method : "other");

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function headerOnce(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single && /^[\w.:-]{1,128}$/.test(single) ? single : undefined;
}

/** How long a refused body's connection may linger after the answer (so the client reads it) before it is cut. */
const REFUSED_BODY_LINGER_MS = 1_000;

/**
 * Refuses a request whose body we will not read. Node would otherwise read (and discard) the whole
 * body to keep the connection alive — all 10 GiB of it. Instead the answer says `Connection: close`,
 * the socket stops reading, and once the answer is out the connection is closed: a FIN first, so
 * the client can read the answer, then cut after a short linger.
 */
export function refuseBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  shape: "graphql" | "problem" = "problem",
) {
  const socket = req.socket;
  res.shouldKeepAlive = false;
  res.setHeader("connection", "close");
  req.unpipe();
  socket.pause();
  res.on("finish", () => {
    socket.end();
    setTimeout(() => socket.destroy(), REFUSED_BODY_LINGER_MS).unref();
  });
  if (shape === "problem") return sendError(res, status, code, message);
  // /graphql keeps the GraphQL error shape its clients parse.
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
