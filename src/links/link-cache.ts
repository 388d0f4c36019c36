import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import type { InvalidationBus } from "../platform/invalidation-bus.js";
import type { ClickCounter } from "./click-counter.js";

/** What the redirect handler needs to know about a link, kept in memory per slug. */
export interface CachedLink {
  id: string;
  url: string;
  status: 301 | 302 | 307 | 308;
  expiresAt: number | null;
  maxClicks: number | null;
  fallbackUrl: string | null;
  passwordHash: string | null;
  archived: boolean;
  /** Clicks known when loaded (stored count plus this instance's unflushed ones) plus those served since. */
  clicks: number;
}

export const UNKNOWN_SLUG = Symbol("unknown slug");
export type CacheLookup = CachedLink | typeof UNKNOWN_SLUG;

const STATUS_BY_REDIRECT_TYPE = {
  FOUND: 302,
  MOVED_PERMANENTLY: 301,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
} as const;

// Unknown slugs are remembered briefly so scanners cannot turn every miss into a query.
const UNKNOWN_SLUG_TTL_MS = 5_000;

export interface LinkCache {
  /** Synchronous hit, or undefined on a miss. */
  peek(slug: string): CacheLookup | undefined;
  /** Loads a missing slug (concurrent misses share one query). */
  load(slug: string): Promise<CacheLookup>;
  /** Drops a slug here and, through the bus, on every other instance. */
  invalidate(slug: string): void;
  readonly size: number;
}

export function createLinkCache(options: {
  db: Db;
  bus: InvalidationBus;
  clickCounter: Pick<ClickCounter, "pending">;
  maxEntries: number;
  ttlMs: number;
}): LinkCache {
  const { db, bus, clickCounter, ttlMs } = options;
  const cache = new LRUCache<string, CacheLookup>({
    max: Math.max(options.maxEntries, 1),
    ttl: Math.max(ttlMs, 1),
    ttlAutopurge: false,
    fetchMethod: async (slug, _stale, { options: fetchOptions }) => {
      const link = await db.link.findUnique({
        where: { slug },
        select: {
          id: true, url: true, redirectType: true, expiresAt: true, maxClicks: true, fallbackUrl: true,
          passwordHash: true, archivedAt: true, clickCount: true,
        },
      });
      if (!link) {
        fetchOptions.ttl = Math.min(UNKNOWN_SLUG_TTL_MS, ttlMs || 1);
        return UNKNOWN_SLUG;
      }
      return {
        id: link.id,
        url: link.url,
        status: STATUS_BY_REDIRECT_TYPE[link.redirectType],
        expiresAt: link.expiresAt?.getTime() ?? null,
        maxClicks: link.maxClicks,
        fallbackUrl: link.fallbackUrl,
        passwordHash: link.passwordHash,
        archived: link.archivedAt !== null,
        clicks: link.clickCount + clickCounter.pending(link.id),
      };
    },
  });
  bus.subscribe((slug) => cache.delete(slug));
  const caching = options.maxEntries > 0 && ttlMs > 0;
  return {
    peek: (slug) => (caching ? cache.get(slug) : undefined),
    async load(slug) {
      const value = await cache.fetch(slug);
      if (!caching) cache.delete(slug);
      return value ?? UNKNOWN_SLUG;
    },
    invalidate: (slug) => bus.publish(slug),
    get size() {
      return cache.size;
    },
  };
}
