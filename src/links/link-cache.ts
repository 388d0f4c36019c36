import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import type { Channel } from "../platform/pubsub.js";
import type { ClickPipeline } from "../analytics/click-pipeline.js";
import { compileRouting, type LinkRouting, type RedirectOutcome } from "./link-routing.js";

/** What the redirect handler needs to know about a link, kept in memory per slug. */
export interface CachedLink {
  id: string;
  url: string;
  status: 301 | 302 | 307 | 308;
  expiresAt: number | null;
  maxClicks: number | null;
  fallbackUrl: string | null;
  /** The redirect to fallbackUrl (not a click), prepared once. */
  fallback: RedirectOutcome | null;
  passwordHash: string | null;
  archived: boolean;
  /** Rules, deep links and preview, compiled when the link entered the cache. */
  routing: LinkRouting;
  /**
   * What maxClicks is checked against: the highest stored total heard of (loaded, then announced
   * by every instance's writes) plus the capped clicks this instance served that are not stored yet.
   */
  clicks: number;
  storedClicks: number;
  /** The row's updatedAt (epoch ms): after a gap in invalidations, entries whose row changed are dropped. */
  version: number;
}

export const UNKNOWN_SLUG = Symbol("unknown slug");

/** Links are cached per domain and slug: the key is "<domainId>/<slug>" (a slug never holds a slash). */
export const linkCacheKey = (domainId: string, slug: string) => `${domainId}/${slug}`;
const splitKey = (key: string) => {
  const slash = key.indexOf("/");
  return { domainId: key.slice(0, slash), slug: key.slice(slash + 1) };
};
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
  /** Synchronous hit, or undefined on a miss; `key` is linkCacheKey(domainId, slug). */
  peek(key: string): CacheLookup | undefined;
  /** Loads a missing key (concurrent misses share one query). */
  load(key: string): Promise<CacheLookup>;
  /** Drops a key here and, through the bus, on every other instance. */
  invalidate(key: string): void;
  /** Ids of cached links with maxClicks (their stored totals are re-read with the live ones). */
  cappedLinkIds(): Iterable<string>;
  /** Drops every entry whose link changed or vanished in the database (after invalidations were lost). */
  revalidate(): Promise<void>;
  readonly size: number;
}

const REVALIDATE_CHUNK = 1_000;

export function createLinkCache(options: {
  db: Db;
  bus: Channel<string>;
  clicks: Pick<ClickPipeline, "uncommitted" | "onTotals">;
  maxEntries: number;
  ttlMs: number;
}): LinkCache {
  const { db, bus, clicks, ttlMs } = options;
  // Cached links with maxClicks, by id, to apply stored totals as instances write them.
  const capped = new Map<string, CachedLink>();
  const cache = new LRUCache<string, CacheLookup>({
    dispose: (value) => {
      if (value !== UNKNOWN_SLUG && capped.get(value.id) === value) capped.delete(value.id);
    },
    max: Math.max(options.maxEntries, 1),
    ttl: Math.max(ttlMs, 1),
    ttlAutopurge: false,
    fetchMethod: async (key, _stale, { options: fetchOptions }) => {
      const link = await db.link.findUnique({
        where: { domainId_slug: splitKey(key) },
        select: {
          id: true,
          url: true,
          redirectType: true,
          expiresAt: true,
          maxClicks: true,
          fallbackUrl: true,
          passwordHash: true,
          archivedAt: true,
          clickCount: true,
          updatedAt: true,
          rules: true,
          iosUrl: true,
          androidUrl: true,
          previewTitle: true,
          previewDescription: true,
          previewImageUrl: true,
        },
      });
      if (!link) {
        fetchOptions.ttl = Math.min(UNKNOWN_SLUG_TTL_MS, ttlMs || 1);
        return UNKNOWN_SLUG;
      }
      const status = STATUS_BY_REDIRECT_TYPE[link.redirectType];
      const cached: CachedLink = {
        id: link.id,
        url: link.url,
        status,
        expiresAt: link.expiresAt?.getTime() ?? null,
        maxClicks: link.maxClicks,
        fallbackUrl: link.fallbackUrl,
        fallback: link.fallbackUrl
          ? { kind: "redirect", status: 302, location: link.fallbackUrl, countsAsClick: false, ruleId: null, variantId: null }
          : null,
        passwordHash: link.passwordHash,
        archived: link.archivedAt !== null,
        routing: compileRouting({ ...link, status }),
        clicks: link.clickCount + clicks.uncommitted(link.id),
        storedClicks: link.clickCount,
        version: link.updatedAt.getTime(),
      };
      if (cached.maxClicks !== null) capped.set(cached.id, cached);
      return cached;
    },
  });
  bus.subscribe((slug) => cache.delete(slug));

  async function revalidate() {
    const cached = new Map<string, CachedLink>();
    for (const [slug, value] of cache.entries()) {
      // An unknown slug may have been created meanwhile: forget them all (they are cheap to reload).
      if (value === UNKNOWN_SLUG) cache.delete(slug);
      else cached.set(slug, value);
    }
    const slugs = [...cached.keys()];
    let dropped = 0;
    for (let start = 0; start < slugs.length; start += REVALIDATE_CHUNK) {
      const chunk = slugs.slice(start, start + REVALIDATE_CHUNK);
      const where = { OR: chunk.map((key) => ({ ...splitKey(key) })) };
      const rows = await db.link.findMany({ where, select: { id: true, domainId: true, slug: true, updatedAt: true } });
      const current = new Map(rows.map((row) => [linkCacheKey(row.domainId, row.slug), row]));
      for (const slug of chunk) {
        const row = current.get(slug);
        const entry = cached.get(slug)!;
        if (!row || row.id !== entry.id || row.updatedAt.getTime() !== entry.version) {
          // Only if it is still the entry we compared (a fresh load may have replaced it).
          if (cache.peek(slug) === entry) cache.delete(slug);
          dropped++;
        }
      }
    }
    return dropped;
  }
  // Invalidations were lost (Redis restarted, a publish failed): converge on the database now.
  bus.onGap(() => {
    revalidate().catch(() => {});
  });
  clicks.onTotals((totals) => {
    for (const { linkId, total } of totals) {
      const link = capped.get(linkId);
      if (!link) continue;
      link.storedClicks = Math.max(link.storedClicks, total);
      link.clicks = link.storedClicks + clicks.uncommitted(linkId);
    }
  });
  const caching = options.maxEntries > 0 && ttlMs > 0;
  return {
    peek: (slug) => (caching ? cache.get(slug) : undefined),
    async load(slug) {
      for (let attempt = 1; ; attempt++) {
        try {
          const value = await cache.fetch(slug);
          if (!caching) cache.delete(slug);
          return value ?? UNKNOWN_SLUG;
        } catch (error) {
          // An invalidation arriving mid-load aborts the fetch: what it read may be stale, read again.
          if (attempt >= 3 || !["deleted", "evicted"].includes(String((error as Error)?.message))) throw error;
        }
      }
    },
    invalidate: (slug) => bus.publish(slug),
    cappedLinkIds: () => capped.keys(),
    revalidate: async () => void (await revalidate()),
    get size() {
      return cache.size;
    },
  };
}
