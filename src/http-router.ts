import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isReservedSlug, SLUG_PATTERN } from "./links/link-rules.js";
import type { Logger } from "./platform/logger.js";

export interface Routes {
  redirect(req: IncomingMessage, res: ServerResponse, slug: string): void;
  graphql(req: IncomingMessage, res: ServerResponse): void;
  health(req: IncomingMessage, res: ServerResponse, check: "live" | "ready"): void;
  /** /dashboard and its assets. */
  dashboard(req: IncomingMessage, res: ServerResponse, path: string): void;
  /** /auth/<provider>/login and /auth/<provider>/callback (OpenID Connect sign-in). */
  auth(req: IncomingMessage, res: ServerResponse, path: string): void;
}

/**
 * The one request listener. Short links are matched first and cheaply (no URL object, no
 * logging at info level); everything else gets a request id and an access log line.
 */
export function createRequestListener(routes: Routes, options: { log: Logger; maxBodyBytes: number }) {
  const { log, maxBodyBytes } = options;
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
    res.on("finish", () =>
      log.info({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }, "request"),
    );

    if (path === "/healthz") return routes.health(req, res, "live");
    if (path === "/readyz") return routes.health(req, res, "ready");
    if (path === "/dashboard" || path.startsWith("/dashboard/")) return routes.dashboard(req, res, path);
    if (path.startsWith("/auth/")) return routes.auth(req, res, path);
    if (path === "/graphql") {
      const length = Number(req.headers["content-length"] ?? 0);
      if (length > maxBodyBytes) return sendError(res, 413, "PAYLOAD_TOO_LARGE", `Request bodies are limited to ${maxBodyBytes} bytes`);
      if (req.method === "POST" && req.headers["content-length"] === undefined) {
        return sendError(res, 411, "LENGTH_REQUIRED", "POST requests must send Content-Length");
      }
      return routes.graphql(req, res);
    }
    sendError(res, 404, "NOT_FOUND", "Not found");
  };
}

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

export function sendError(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
