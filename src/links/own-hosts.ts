import ipaddr from "ipaddr.js";
import type { Config } from "../config.js";

/**
 * A URL host as the service compares it: WHATWG URL parsing has already lower-cased it, turned an
 * IDN into punycode and every IPv4 spelling (decimal, octal, hex, short forms) into dotted quads;
 * this drops IPv6 brackets and the trailing dot of a fully-qualified name ("localhost." is localhost)
 * and writes an IPv4-mapped IPv6 address as the IPv4 address it is.
 */
export function normalizeHost(hostname: string): string {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.+$/, "");
  if (ipaddr.IPv6.isValid(host)) {
    const address = ipaddr.IPv6.parse(host);
    return address.isIPv4MappedAddress() ? address.toIPv4Address().toString() : address.toNormalizedString();
  }
  return host;
}

/** Loopback or "this host" (0.0.0.0, ::): a redirect there reaches the visitor's own machine, or this server. */
export function isLocalHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (!ipaddr.isValid(host)) return false;
  const range = ipaddr.parse(host).range();
  return range === "loopback" || range === "unspecified";
}

/** Hosts that serve our short links (normalised, any port): a destination there would redirect in a loop. */
export function ownHosts(config: Pick<Config, "publicBaseUrl" | "host">): string[] {
  const hosts = [normalizeHost(new URL(config.publicBaseUrl).hostname)];
  const listening = normalizeHost(config.host);
  if (!isLocalHost(listening) && !hosts.includes(listening)) hosts.push(listening);
  return hosts;
}
