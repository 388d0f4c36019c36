import type { Db } from "../db/client.js";
import type { Logger } from "../platform/logger.js";
import type { Channel } from "../platform/pubsub.js";
import { DEFAULT_DOMAIN_ID } from "./default-domain.js";
import { normalizeHostHeader } from "./hostname.js";

/** What the redirect handler needs to know about the domain a request came in on. */
export interface DomainRoute {
  id: string;
  hostname: string;
  isDefault: boolean;
  /** Verified (or verified before and being re-checked): its links redirect. */
  serving: boolean;
  rootRedirectUrl: string | null;
  notFoundUrl: string | null;
}

/**
 * Every domain, in memory, so routing a request by its Host header never waits: a Host seen
 * before costs one Map lookup. Reloaded whole when any instance changes a domain (they are few).
 */
export interface DomainRegistry {
  /** The domain a Host header names; any host that is not a custom domain is the default domain. */
  route(hostHeader: string | undefined): DomainRoute;
  /** A custom or the default domain by normalised hostname (undefined when unknown). */
  byHostname(hostname: string): DomainRoute | undefined;
  hostnameOf(domainId: string): string | undefined;
  readonly defaultDomain: DomainRoute;
  /** Tells every instance to reload; settles once this one has. */
  changed(): Promise<void>;
  reload(): Promise<void>;
}

// Raw Host values remembered; past this many distinct ones (a scanner), the memo starts over.
const MEMO_MAX = 10_000;

export async function createDomainRegistry(options: { db: Db; bus: Channel<string>; defaultHostname: string; log: Logger }): Promise<DomainRegistry> {
  const { db, bus, log } = options;
  const defaultDomain: DomainRoute = {
    id: DEFAULT_DOMAIN_ID,
    hostname: options.defaultHostname,
    isDefault: true,
    serving: true,
    rootRedirectUrl: null,
    notFoundUrl: null,
  };
  let byHost = new Map<string, DomainRoute>();
  let byId = new Map<string, DomainRoute>();
  let memo = new Map<string, DomainRoute>();

  async function reload() {
    const rows = await db.domain.findMany({
      where: { isDefault: false },
      select: { id: true, hostname: true, status: true, rootRedirectUrl: true, notFoundUrl: true },
    });
    const hosts = new Map<string, DomainRoute>();
    const ids = new Map<string, DomainRoute>([[DEFAULT_DOMAIN_ID, defaultDomain]]);
    for (const row of rows) {
      const route: DomainRoute = {
        id: row.id,
        hostname: row.hostname,
        isDefault: false,
        serving: row.status !== "PENDING",
        rootRedirectUrl: row.rootRedirectUrl,
        notFoundUrl: row.notFoundUrl,
      };
      hosts.set(row.hostname, route);
      ids.set(row.id, route);
    }
    hosts.set(defaultDomain.hostname, defaultDomain);
    byHost = hosts;
    byId = ids;
    memo = new Map();
  }
  const reloadLogged = () => reload().catch((error: unknown) => log.error({ err: error }, "reloading domains failed"));
  bus.subscribe(reloadLogged);
  bus.onGap(reloadLogged);
  await reload();

  return {
    route(hostHeader) {
      if (hostHeader === undefined) return defaultDomain;
      let route = memo.get(hostHeader);
      if (route === undefined) {
        route = byHost.get(normalizeHostHeader(hostHeader)) ?? defaultDomain;
        if (memo.size >= MEMO_MAX) memo = new Map();
        memo.set(hostHeader, route);
      }
      return route;
    },
    byHostname: (hostname) => byHost.get(hostname),
    hostnameOf: (domainId) => byId.get(domainId)?.hostname,
    defaultDomain,
    changed() {
      bus.publish("changed");
      return reload();
    },
    reload,
  };
}
