import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "../config.js";
import type { Metrics } from "./metrics.js";

type Send = (res: ServerResponse, status: number, code: string, message: string) => void;

/**
 * GET /metrics in the Prometheus text format. Who may scrape: with METRICS_TOKEN, callers sending
 * `Authorization: Bearer <token>`; with METRICS_PORT, only the internal listener serves it (the
 * public port answers 404); in production with neither, nobody (403 saying what to set), because
 * series names, routes and operation names tell an outsider about the deployment.
 */
export function createMetricsRoute(metrics: Metrics, config: Config, sendError: Send) {
  const { token, port } = config.metrics;
  const expected = token === undefined ? undefined : Buffer.from(`Bearer ${token}`);

  function authorized(req: IncomingMessage) {
    if (expected === undefined) return true;
    const given = Buffer.from(req.headers.authorization ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  function serve(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return sendError(res, 405, "METHOD_NOT_ALLOWED", "Use GET /metrics");
    }
    if (!authorized(req)) {
      res.setHeader("www-authenticate", 'Bearer realm="metrics"');
      return sendError(res, 401, "UNAUTHENTICATED", "Send Authorization: Bearer <METRICS_TOKEN> to read /metrics");
    }
    metrics.registry.metrics().then(
      (body) => {
        res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      () => sendError(res, 500, "INTERNAL_SERVER_ERROR", "Could not collect metrics"),
    );
  }

  return {
    /** /metrics on the public listener. */
    public(req: IncomingMessage, res: ServerResponse) {
      if (port !== undefined) return sendError(res, 404, "NOT_FOUND", "Not found");
      if (token === undefined && config.isProduction) {
        return sendError(
          res,
          403,
          "FORBIDDEN",
          "/metrics is disabled in production: set METRICS_TOKEN or METRICS_PORT (internal listener) to expose it",
        );
      }
      serve(req, res);
    },
    /** The internal listener (METRICS_PORT): /metrics and nothing else. */
    internal(req: IncomingMessage, res: ServerResponse) {
      const path = (req.url ?? "/").split("?")[0];
      if (path !== "/metrics") return sendError(res, 404, "NOT_FOUND", "Only /metrics is served here");
      serve(req, res);
    },
  };
}

export type MetricsRoute = ReturnType<typeof createMetricsRoute>;

/** Starts the internal listener for /metrics (METRICS_HOST:METRICS_PORT). */
export async function listenForMetrics(route: MetricsRoute, host: string, port: number) {
  const server = http.createServer((req, res) => route.internal(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    address: server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
