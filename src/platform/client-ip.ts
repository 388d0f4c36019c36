import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";

/**
 * Which proxies in front of us may tell us the client's address (TRUST_PROXY):
 * none (the socket's peer is the client), a number of hops (that many proxies append to
 * X-Forwarded-For), or the addresses/CIDRs of trusted proxies.
 */
export type TrustProxy =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> };

/** Parses TRUST_PROXY; returns an error message for a bad value. */
export function parseTrustProxy(value: string): TrustProxy | string {
  const text = value.trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 32 ? { kind: "hops", hops } : "a hop count must be at most 32";
  }
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (ipaddr.isValidCIDR(entry)) ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else return `"${entry}" is neither a hop count nor an IP address or CIDR`;
  }
  return { kind: "addresses", ranges };
}

/**
 * The client's address. X-Forwarded-For is read only as far as TRUST_PROXY allows: from the
 * right (the entry our nearest proxy appended), skipping trusted proxies, so a client cannot
 * choose its own address by sending the header itself.
 */
export function clientIp(req: Pick<IncomingMessage, "headers" | "socket">, trust: TrustProxy): string {
  const peer = normalize(req.socket.remoteAddress ?? "");
  if (trust.kind === "none") return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Nearest first: our peer, then what it says it received the request from, and so on.
  const chain = [peer, ...forwarded.reverse().map(normalize)];
  if (trust.kind === "hops") return chain[Math.min(trust.hops, chain.length - 1)]!;
  for (let i = 0; i < chain.length - 1; i++) {
    if (!isTrusted(chain[i]!, trust.ranges)) return chain[i]!;
  }
  return chain[chain.length - 1]!;
}

function isTrusted(address: string, ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>) {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  return ranges.some((range) => parsed.kind() === range[0].kind() && parsed.match(range));
}

/**
 * `::ffff:10.0.0.1` → `10.0.0.1`, so one client has one key whatever the socket family. A string
 * operation, not a parse: this runs for every redirect.
 */
function normalize(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith("::ffff:") && lower.includes(".") ? lower.slice(7) : lower;
}

/** The client address from a server context that may carry Node's request (`{ req }`), else "unknown". */
export function clientIpOf(serverContext: unknown, trust: TrustProxy): string {
  const req = (serverContext as { req?: Pick<IncomingMessage, "headers" | "socket"> } | undefined)?.req;
  return req?.socket ? clientIp(req, trust) : "unknown";
}
