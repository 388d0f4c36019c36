import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { findQrLink, qrContent, type QrFormat } from "./qr-code.js";
import { qrOptionsSchema } from "./qr-options.js";

const PATH = /^\/qr\/([A-Za-z0-9_-]{1,200})\.(svg|png)$/;
// Short enough that a changed slug or domain shows within minutes; ETags make revalidation cheap.
const CACHE_CONTROL = "public, max-age=300";

/**
 * GET|HEAD /qr/<link id>.svg|png?size=&margin=&ecl=&fg=&bg=&logo=: a link's QR code, public like the
 * short URL it encodes. Answers 304 to a matching If-None-Match without drawing anything.
 */
export function createQrRoute(services: Pick<Services, "db" | "config" | "domains" | "qr" | "log">) {
  return async function qr(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" });
      return void res.end();
    }
    const match = PATH.exec(path);
    if (!match) return sendError(res, 404, "NOT_FOUND", "Not found");
    try {
      const format = match[2]!.toUpperCase() as QrFormat;
      const query = Object.fromEntries(new URLSearchParams((req.url ?? "").split("?")[1] ?? ""));
      const options = parseInput(qrOptionsSchema, query);
      const link = await findQrLink(services, match[1]!);
      const content = qrContent(services, link);
      const etag = services.qr.etagOf(content, format, options);
      const headers = { etag, "cache-control": CACHE_CONTROL };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const image = await services.qr.render(content, format, options);
      res.writeHead(200, { ...headers, "content-type": image.contentType, "content-length": image.body.length, "x-content-type-options": "nosniff" });
      res.end(req.method === "HEAD" ? undefined : image.body);
    } catch (error) {
      if (error instanceof AppError) return sendError(res, error.httpStatus, error.code, error.message, error.extensions.field as string | undefined);
      services.log.error({ err: error, path }, "QR rendering failed");
      sendError(res, 500, "INTERNAL_SERVER_ERROR", "Something went wrong.");
    }
  };
}

function sendError(res: ServerResponse, status: number, code: string, message: string, field?: string) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ error: { code, message, ...(field ? { field } : {}) } }));
}
