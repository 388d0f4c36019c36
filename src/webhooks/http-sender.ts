import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { AddressPolicy } from "./address-policy.js";
import { parseRetryAfter } from "./retry-policy.js";

/** How much of a response body is read and kept for the delivery log. */
export const RESPONSE_BODY_LIMIT = 2048;

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: AddressPolicy;
  /** Refuse plain http (production). */
  requireHttps: boolean;
}

export type SendOutcome =
  | { ok: true; status: number; latencyMs: number; responseBody: string }
  | { ok: false; retryable: boolean; error: string; status?: number; retryAfterMs?: number; latencyMs: number; responseBody?: string };

class RefusedError extends Error {}

/**
 * POSTs one webhook: no redirects followed, a deadline covering connect + response, at most
 * RESPONSE_BODY_LIMIT bytes of the answer read. The SSRF guard checks every address the host
 * resolves to when connecting (not at registration, so DNS rebinding cannot slip past) and again
 * the address the socket actually connected to.
 */
export function sendWebhook(request: SendRequest): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = (error: string): SendOutcome => ({ ok: false, retryable: false, error, latencyMs: elapsed() });

  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.resolve(refused("The webhook URL is not a valid URL"));
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return Promise.resolve(refused("Only http(s) URLs can receive webhooks"));
  if (request.requireHttps && url.protocol !== "https:") return Promise.resolve(refused("Refused: webhook URLs must use https"));

  const host = url.hostname.replace(/^\[|\]$/g, "");
  const unchecked = request.policy.allowsHost(host);
  if (!unchecked && net.isIP(host)) {
    const reason = request.policy.refusal(host);
    if (reason) return Promise.resolve(refused(`Refused: ${host} is ${reason}`));
  }

  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const transport = url.protocol === "https:" ? https : http;
    const req = transport.request(url, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(request.body)),
        "user-agent": "Linkgraph-Webhooks/1.0",
        ...request.headers,
      },
      lookup: unchecked ? undefined : guardedLookup(request.policy),
    });
    const deadline = setTimeout(() => req.destroy(new TimeoutError(request.timeoutMs)), request.timeoutMs);

    req.on("socket", (socket) => {
      if (unchecked) return;
      socket.once("connect", () => {
        const address = socket.remoteAddress;
        const reason = address ? request.policy.refusal(address) : "an unknown address";
        if (reason) req.destroy(new RefusedError(`Refused: connected to ${address ?? "?"}, ${reason}`));
      });
    });
    req.on("error", (error) => finish(failure(error, elapsed())));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const status = res.statusCode ?? 0;
        const responseBody = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString("utf8");
        const latencyMs = elapsed();
        res.destroy();
        if (status >= 200 && status < 300) return finish({ ok: true, status, latencyMs, responseBody });
        finish({ ok: false, status, latencyMs, responseBody, ...classifyStatus(status, res.headers) });
      };
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_BODY_LIMIT) done();
      });
      res.on("end", done);
      res.on("error", done);
      res.on("aborted", done);
    });
    req.end(request.body);
  });
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`Timed out after ${ms} ms`);
  }
}

function classifyStatus(status: number, headers: http.IncomingHttpHeaders): { retryable: boolean; error: string; retryAfterMs?: number } {
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(headers["retry-after"]);
    return { retryable: true, error: `HTTP ${status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (status >= 300 && status < 400) {
    return { retryable: false, error: `HTTP ${status}: redirects are not followed${headers.location ? ` (Location: ${headers.location})` : ""}` };
  }
  return { retryable: false, error: `HTTP ${status}` };
}

function failure(error: Error & { code?: string }, latencyMs: number): SendOutcome {
  if (error instanceof RefusedError) return { ok: false, retryable: false, error: error.message, latencyMs };
  if (error instanceof TimeoutError) return { ok: false, retryable: true, error: error.message, latencyMs };
  const detail = error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
  return { ok: false, retryable: true, error: `Network error: ${detail}`, latencyMs };
}

/** A dns.lookup that fails when any address of the host is refused by the policy. */
export function guardedLookup(policy: AddressPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      for (const { address } of addresses) {
        const reason = policy.refusal(address);
        if (reason) return callback(new RefusedError(`Refused: ${hostname} resolves to ${address}, ${reason}`), "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 4);
      callback(null, first.address, first.family);
    });
  };
}
