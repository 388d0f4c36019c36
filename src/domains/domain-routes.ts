import type { IncomingMessage, ServerResponse } from "node:http";
import type { DomainRegistry } from "./domain-registry.js";
import { normalizeHostHeader } from "./hostname.js";

const NO_STORE = { "cache-control": "no-store" };

/**
 * GET /internal/tls-ask?domain=<host>: Caddy's on_demand_tls `ask` contract. 200 lets the proxy
 * obtain a certificate for the host: the default domain and custom domains that are verified (or
 * verified and being re-checked); 404 for anything else, so nobody can make us request certificates
 * for arbitrary names pointed at us.
 */
export function createTlsAskRoute(domains: Pick<DomainRegistry, "byHostname">) {
  return function tlsAsk(req: IncomingMessage, res: ServerResponse) {
    const query = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
    const host = normalizeHostHeader(query.get("domain") ?? "");
    const domain = host ? domains.byHostname(host) : undefined;
    const allowed = domain !== undefined && domain.serving;
    res.writeHead(allowed ? 200 : 404, { "content-type": "text/plain; charset=utf-8", ...NO_STORE });
    res.end(allowed ? "ok\n" : "unknown or unverified domain\n");
  };
}

/** GET / on a domain: its root redirect when it has one, else 404. */
export function createRootRoute(domains: Pick<DomainRegistry, "route">, notFound: (res: ServerResponse) => void) {
  return function root(req: IncomingMessage, res: ServerResponse) {
    const domain = domains.route(req.headers.host);
    if (domain.serving && domain.rootRedirectUrl && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(302, { location: domain.rootRedirectUrl, "cache-control": "private, no-store" });
      return void res.end();
    }
    notFound(res);
  };
}
