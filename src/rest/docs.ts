import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { appRoot } from "../platform/app-paths.js";
import { sendError } from "../platform/problem.js";
import type { StaticAssets } from "../platform/static-assets.js";
import { buildOpenApiDocument } from "./openapi.js";
import { etagOf } from "./router.js";

/** Swagger UI's files: copied into dist/server/api-docs by the build (the image has no devDependencies), else read from node_modules. */
export const SWAGGER_UI_FILES = ["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"] as const;
const swaggerUiDir = () =>
  [path.join(appRoot, "dist", "server", "api-docs"), path.join(appRoot, "node_modules", "swagger-ui-dist")].find((dir) =>
    existsSync(path.join(dir, SWAGGER_UI_FILES[1])),
  );

const only = (methods: string[], req: IncomingMessage, res: ServerResponse) => {
  if (methods.includes(req.method ?? "")) return true;
  sendError(res, 405, "METHOD_NOT_ALLOWED", `Use ${methods.join(" or ")}`, { allow: methods.join(", ") });
  return false;
};

/** GET /api/v1/openapi.json: built once, on first request. */
export function createOpenApiRoute() {
  let cached: { body: string; etag: string } | undefined;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!only(["GET", "HEAD"], req, res)) return;
    if (!cached) {
      const document = buildOpenApiDocument();
      cached = { body: `${JSON.stringify(document, null, 2)}\n`, etag: etagOf(document) };
    }
    const headers = { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300", etag: cached.etag };
    if (req.headers["if-none-match"] === cached.etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : cached.body);
  };
}

/** GET /api/v1/docs: Swagger UI from the local swagger-ui-dist package, its assets under /static (no CDN). */
export function createDocsRoute(assets: StaticAssets) {
  const page = (async () => {
    const dir = swaggerUiDir();
    if (!dir) return undefined;
    const [css, js, icon] = await Promise.all(SWAGGER_UI_FILES.map((file) => readFile(path.join(dir, file))));
    const script = "text/javascript; charset=utf-8";
    const urls = {
      css: assets.add("swagger-ui.css", "text/css; charset=utf-8", css!),
      js: assets.add("swagger-ui-bundle.js", script, js!),
      icon: assets.add("swagger-ui-favicon.png", "image/png", icon!),
      boot: assets.add(
        "api-docs-boot.js",
        script,
        `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#docs", deepLinking: true, persistAuthorization: true, tryItOutEnabled: true });`,
      ),
    };
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Linkgraph REST API</title>
<link rel="icon" href="${urls.icon}">
<link rel="stylesheet" href="${urls.css}">
</head>
<body>
<noscript>The interactive reference needs JavaScript; the document itself is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</noscript>
<div id="docs"></div>
<script src="${urls.js}"></script>
<script src="${urls.boot}"></script>
</body>
</html>`;
  })();
  assets.waitFor(page);

  return (req: IncomingMessage, res: ServerResponse) => {
    if (!only(["GET", "HEAD"], req, res)) return;
    page.then(
      (html) => {
        if (!html)
          return sendError(res, 503, "UNAVAILABLE", "The API reference is not installed (swagger-ui-dist); the document is at /api/v1/openapi.json");
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", "x-content-type-options": "nosniff" });
        res.end(req.method === "HEAD" ? undefined : html);
      },
      (error: unknown) => res.destroy(error as Error),
    );
  };
}
