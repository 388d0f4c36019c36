import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { sendError } from "./problem.js";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export const STATIC_PREFIX = "/static/";

interface Asset {
  type: string;
  body: Buffer;
  etag: string;
  encoded: Map<"br" | "gzip", Promise<Buffer>>;
}

/**
 * Build-once assets under /static/ with their content hash in the name: cached by browsers for
 * a year (`immutable`; a new version is a new name), revalidated by ETag, and compressed with
 * brotli or gzip as the client accepts (each encoding computed once, on first request).
 */
export function createStaticAssets() {
  const assets = new Map<string, Asset>();
  const pending: Array<Promise<unknown>> = [];

  function encodedBody(asset: Asset, encoding: "br" | "gzip") {
    let body = asset.encoded.get(encoding);
    if (!body) {
      body =
        encoding === "br"
          ? brotli(asset.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length } })
          : gzipAsync(asset.body, { level: 6 });
      asset.encoded.set(encoding, body);
    }
    return body;
  }

  return {
    /** Registers an asset; returns its URL (`/static/<stem>.<hash>.<ext>`). */
    add(fileName: string, type: string, content: string | Buffer): string {
      const body = typeof content === "string" ? Buffer.from(content) : content;
      const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
      const dot = fileName.lastIndexOf(".");
      const name = `${fileName.slice(0, dot)}.${hash}${fileName.slice(dot)}`;
      assets.set(name, { type, body, etag: `"${hash}"`, encoded: new Map() });
      return `${STATIC_PREFIX}${name}`;
    },

    /** Requests wait for assets still being registered (so a page's assets never 404 during start-up). */
    waitFor(registering: Promise<unknown>) {
      pending.push(registering.catch(() => undefined));
    },

    /** Answers GET/HEAD /static/<name>; 404 for anything unknown. */
    serve(req: IncomingMessage, res: ServerResponse, path: string) {
      const name = path.slice(STATIC_PREFIX.length);
      if (!assets.has(name) && pending.length > 0) {
        const waiting = pending.splice(0);
        return void Promise.all(waiting).then(() => this.serve(req, res, path));
      }
      const asset = assets.get(name);
      if (!asset) {
        return sendError(res, 404, "NOT_FOUND", "Not found");
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        return sendError(res, 405, "METHOD_NOT_ALLOWED", "Static assets answer GET and HEAD", { allow: "GET, HEAD" });
      }
      const headers: Record<string, string> = {
        "content-type": asset.type,
        "cache-control": "public, max-age=31536000, immutable",
        etag: asset.etag,
        vary: "Accept-Encoding",
        "x-content-type-options": "nosniff",
      };
      if (req.headers["if-none-match"] === asset.etag) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const accepted = String(req.headers["accept-encoding"] ?? "");
      const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : undefined;
      if (!encoding) {
        res.writeHead(200, { ...headers, "content-length": String(asset.body.length) });
        return void res.end(req.method === "HEAD" ? undefined : asset.body);
      }
      encodedBody(asset, encoding).then(
        (body) => {
          res.writeHead(200, { ...headers, "content-encoding": encoding, "content-length": String(body.length) });
          res.end(req.method === "HEAD" ? undefined : body);
        },
        (error: unknown) => res.destroy(error as Error),
      );
    },
  };
}

export type StaticAssets = ReturnType<typeof createStaticAssets>;
