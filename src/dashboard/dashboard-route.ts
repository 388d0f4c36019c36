import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Services } from "../services.js";
import { dashboardPage, DASHBOARD_CSS } from "./page.js";

const CLIENT_ENTRY = fileURLToPath(new URL("./client/main.ts", import.meta.url));

// Same-origin everything; connect-src 'self' covers the WebSocket to this host.
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

let bundle: Promise<string> | undefined;

/** Bundled once per process, on first request: local sources and node_modules only. */
function dashboardScript(log: Services["log"]): Promise<string> {
  bundle ??= build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
  }).then((result) => result.outputFiles[0]!.text);
  bundle.catch((error: unknown) => {
    log.error({ err: error }, "the dashboard script did not build");
    bundle = undefined;
  });
  return bundle;
}

/**
 * The live dashboard at /dashboard: one HTML page, one stylesheet, and one script that esbuild
 * bundles from src/dashboard/client (with graphql-ws's client). Nothing is fetched from
 * elsewhere, at build or at run time.
 */
export function createDashboardRoute(services: Pick<Services, "log">) {
  const { log } = services;

  return function serveDashboard(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" });
      return void res.end();
    }
    const send = (type: string, body: string, cache = "no-cache") => {
      res.writeHead(200, { "content-type": type, "cache-control": cache, ...SECURITY_HEADERS });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (path === "/dashboard" || path === "/dashboard/") return send("text/html; charset=utf-8", dashboardPage());
    if (path === "/dashboard/app.css") return send("text/css; charset=utf-8", DASHBOARD_CSS);
    if (path === "/dashboard/app.js") {
      return void dashboardScript(log).then(
        (script) => send("text/javascript; charset=utf-8", script),
        () => {
          res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
          res.end("The dashboard script is unavailable; see the server log.");
        },
      );
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found");
  };
}
