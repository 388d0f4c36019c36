import ipaddr from "ipaddr.js";

/**
 * Which addresses webhook deliveries may connect to (the SSRF guard). Only public unicast
 * addresses, unless WEBHOOK_ALLOWED_HOSTS names the host, the address or a CIDR containing it.
 */
export interface AddressPolicy {
  /** The host is allow-listed by name or as an IP: its addresses are not checked. */
  allowsHost(host: string): boolean;
  /** What kind of address this is when connecting to it is refused ("a loopback address"), or null. */
  refusal(address: string): string | null;
}

export function createAddressPolicy(allowed: readonly string[]): AddressPolicy {
  const names = new Set<string>();
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const entry of allowed.map((e) => e.toLowerCase())) {
    if (entry.includes("/")) ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else names.add(entry);
  }

  const inAllowedRange = (address: ipaddr.IPv4 | ipaddr.IPv6) =>
    ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));

  return {
    allowsHost: (host) => names.has(host.toLowerCase().replace(/^\[|\]$/g, "")),
    refusal(text) {
      if (!ipaddr.isValid(text)) return "not an IP address";
      // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it carries.
      const address = ipaddr.process(text);
      if (inAllowedRange(address)) return null;
      const range = address.range();
      if (range !== "unicast") return `a ${RANGE_NAMES[range] ?? range} address`;
      // IPv4-compatible and other ::/8 forms are not public IPv6 unicast.
      if (address.kind() === "ipv6" && (address as ipaddr.IPv6).parts[0]! < 0x100) return "a reserved address";
      return null;
    },
  };
}

const RANGE_NAMES: Record<string, string> = {
  private: "private (RFC 1918)",
  loopback: "loopback",
  linkLocal: "link-local (includes cloud metadata)",
  carrierGradeNat: "carrier-grade NAT (RFC 6598)",
  uniqueLocal: "unique-local (includes fd00:ec2::254 metadata)",
  unspecified: "unspecified",
  multicast: "multicast",
  broadcast: "broadcast",
  reserved: "reserved",
  rfc6052: "NAT64 (RFC 6052)",
  rfc6145: "IPv4-translated (RFC 6145)",
  "6to4": "6to4",
  teredo: "Teredo",
};
