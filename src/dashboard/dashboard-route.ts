import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { dashboardDir } from "../platform/app-paths.js";
import { sendError } from "../platform/problem.js";
import type { Services } from "../services.js";

// Same-origin everything; connect-src 'self' covers the WebSocket to this host.
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

function fileIn(root: string, relative: string): string | undefined {
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The dashboard at /dashboard: the browser bundle that `npm run build:dashboard` writes to
 * dist/dashboard, served as static files. Paths without a file extension are the app's own
 * routes and get index.html. Nothing is fetched from elsewhere, at build or at run time.
 */
export function createDashboardRoute(services: Pick<Services, "log">, root = dashboardDir) {
  if (!existsSync(path.join(root, "index.html"))) {
    services.log.warn({ directory: root }, "the dashboard is not built: run `npm run build:dashboard`");
  }

  return function serveDashboard(req: IncomingMessage, res: ServerResponse, urlPath: string) {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return sendError(res, 405, "METHOD_NOT_ALLOWED", "The dashboard answers GET and HEAD", { allow: "GET, HEAD" });
    }
    let relative: string;
    try {
      relative = decodeURIComponent(urlPath.slice("/dashboard".length)).replace(/^\/+/, "");
    } catch {
      relative = "\0";
    }
    const isAppRoute = relative === "" || path.extname(relative) === "";
    const file = fileIn(root, isAppRoute ? "index.html" : relative);
    if (!file) {
      const notBuilt = isAppRoute;
      if (notBuilt) return sendError(res, 503, "UNAVAILABLE", "The dashboard is not built: run `npm run build:dashboard`.");
      return sendError(res, 404, "NOT_FOUND", "Not found");
    }
    // Files under assets/ carry a content hash in their names (Vite's layout): cache them for good.
    const cache = relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": cache,
      ...SECURITY_HEADERS,
    });
    if (req.method === "HEAD") return void res.end();
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  };
}
