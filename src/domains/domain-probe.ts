import { Resolver } from "node:dns/promises";
import http from "node:http";
import { createAddressPolicy } from "../webhooks/address-policy.js";

export const WELL_KNOWN_PATH = "/.well-known/linkgraph-verification";
export const txtRecordName = (hostname: string) => `_linkgraph.${hostname}`;

/**
 * How the server looks at a domain from outside: DNS answers and the HTTP token. Injectable (tests
 * point the real implementation at a local DNS server through DOMAIN_DNS_SERVERS).
 */
export interface DomainProbe {
  /** The TXT strings at `name` (each record's chunks joined); [] when there is none. */
  txt(name: string): Promise<string[]>;
  /** A and AAAA addresses of `hostname`. */
  addresses(hostname: string): Promise<string[]>;
  /** GET http://<hostname>/.well-known/linkgraph-verification, connecting to `address`: the body's start. */
  wellKnown(hostname: string, address: string): Promise<{ status: number; body: string }>;
  /** Why an address must not be contacted (SSRF guard), or null. */
  refusal(address: string): string | null;
}

const NO_RECORD = new Set(["ENODATA", "ENOTFOUND", "ENONAME"]);
const MAX_BODY = 1024;

export function createDnsProbe(options: {
  servers: readonly string[];
  httpPort: number;
  timeoutMs: number;
  allowedHosts: readonly string[];
}): DomainProbe {
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: 2 });
  if (options.servers.length) resolver.setServers([...options.servers]);
  const policy = createAddressPolicy(options.allowedHosts);
  const none = (error: unknown): string[] => {
    if (NO_RECORD.has(String((error as NodeJS.ErrnoException).code))) return [];
    throw error;
  };
  return {
    txt: (name) => resolver.resolveTxt(name).then((records) => records.map((chunks) => chunks.join("")), none),
    async addresses(hostname) {
      const [v4, v6] = await Promise.all([resolver.resolve4(hostname).catch(none), resolver.resolve6(hostname).catch(none)]);
      return [...v4, ...v6];
    },
    wellKnown: (hostname, address) =>
      new Promise((resolve, reject) => {
        const request = http.get(
          {
            host: address,
            port: options.httpPort,
            path: WELL_KNOWN_PATH,
            headers: { host: hostname, "user-agent": "Linkgraph-Domain-Check/1" },
            timeout: options.timeoutMs,
          },
          (response) => {
            let body = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => {
              body += chunk;
              if (body.length > MAX_BODY) response.destroy();
            });
            response.on("close", () => resolve({ status: response.statusCode ?? 0, body: body.slice(0, MAX_BODY) }));
          },
        );
        request.on("timeout", () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
        request.on("error", reject);
      }),
    refusal: (address) => policy.refusal(address),
  };
}
