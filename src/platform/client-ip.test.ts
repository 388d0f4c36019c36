import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { clientIp, parseTrustProxy, type TrustProxy } from "./client-ip.js";

const request = (peer: string, forwardedFor?: string) => ({
  socket: { remoteAddress: peer } as never,
  headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
});
const trust = (value: string) => parseTrustProxy(value) as TrustProxy;

describe("clientIp", () => {
  it("uses the socket peer and ignores X-Forwarded-For unless TRUST_PROXY is set", () => {
    expect(clientIp(request("203.0.113.5", "1.2.3.4"), trust(""))).toBe("203.0.113.5");
    expect(clientIp(request("::ffff:203.0.113.5"), trust(""))).toBe("203.0.113.5");
  });

  it("with a hop count, takes the address that many proxies back", () => {
    expect(clientIp(request("10.0.0.2", "198.51.100.7"), trust("1"))).toBe("198.51.100.7");
    expect(clientIp(request("10.0.0.2", "6.6.6.6, 198.51.100.7"), trust("1"))).toBe("198.51.100.7");
    expect(clientIp(request("10.0.0.2", "198.51.100.7, 10.0.0.9"), trust("2"))).toBe("198.51.100.7");
    expect(clientIp(request("10.0.0.2"), trust("1"))).toBe("10.0.0.2");
  });

  it("with addresses/CIDRs, skips trusted proxies from the right and stops at the first other address", () => {
    const proxies = trust("10.0.0.0/8, 2001:db8::/32");
    expect(clientIp(request("10.1.1.1", "198.51.100.7, 10.2.2.2"), proxies)).toBe("198.51.100.7");
    expect(clientIp(request("10.1.1.1", "6.6.6.6, 198.51.100.7"), proxies)).toBe("198.51.100.7");
    expect(clientIp(request("2001:db8::1", "198.51.100.8"), proxies)).toBe("198.51.100.8");
    // A peer that is not a trusted proxy is the client, whatever it claims.
    expect(clientIp(request("203.0.113.9", "198.51.100.7"), proxies)).toBe("203.0.113.9");
  });

  it("rejects a TRUST_PROXY that is neither a hop count nor addresses", () => {
    expect(parseTrustProxy("everyone")).toMatch(/neither a hop count/);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toEqual({ kind: "hops", hops: 2 });
  });
});
