import type { IncomingMessage } from "node:http";

/**
 * Reads a request body whose Content-Length the router has checked against MAX_BODY_BYTES. Resolves
 * undefined when the client goes away mid-body.
 */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once("error", () => resolve(undefined));
    req.once("aborted", () => resolve(undefined));
  });
}

/**
 * Hands Yoga a JSON body already parsed (whatwg-node uses a request's `body` property when set),
 * so a POST is not streamed through web streams: that cost an AbortController, and the
 * DOMException its abort creates, per request — 4% of the links page's server time. A body that is
 * not a JSON object goes on as text, for Yoga to refuse as it always has.
 */
export function attachParsedJsonBody(req: IncomingMessage, body: Buffer) {
  const text = body.toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const usable = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && Object.keys(parsed).length > 0;
  (req as IncomingMessage & { body?: unknown }).body = usable ? parsed : text;
}
