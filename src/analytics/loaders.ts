import DataLoader from "dataloader";
import { LRUCache } from "lru-cache";
import type { Services } from "../services.js";
import { clickBreakdown, type BreakdownEntry, type Dimension } from "./click-breakdown.js";
import { clickSeries, type SeriesBucket } from "./click-series.js";
import { clickStats, type ClickStats } from "./click-stats.js";
import type { Buckets } from "./time-buckets.js";

// Bucket boundaries depend only on their arguments (and are never changed once built): the same
// dashboard range is asked for by every link of every page load, and luxon builds them slowly.
const bucketSets = new LRUCache<string, Buckets>({ maxSize: 100_000, sizeCalculation: (buckets) => buckets.starts.length + 1 });

/**
 * Per-request DataLoaders: every Link in a response asking for the same analytics (same range,
 * granularity, zone) is answered by one statement for all of them.
 */
class AnalyticsLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();
  /** "Now" for ranges that end now: one instant per request, so their fields batch together. */
  readonly now = new Date();

  constructor(private readonly context: { services: Pick<Services, "db" | "config"> }) {}

  /** Bucket boundaries: the same for every link asking with the same arguments, so computed once. */
  buckets(key: string, compute: () => Buckets): Buckets {
    let buckets = bucketSets.get(key);
    if (!buckets) bucketSets.set(key, (buckets = compute()));
    return buckets;
  }

  private loader<T>(key: string, load: (linkIds: readonly string[]) => Promise<Map<string, T>>): DataLoader<string, T> {
    let loader = this.loaders.get(key) as DataLoader<string, T> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T>(
        async (linkIds) => {
          const results = await load(linkIds);
          return linkIds.map((id) => results.get(id)!);
        },
        { maxBatchSize: 500 },
      );
      this.loaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  series(linkId: string, buckets: Buckets, cacheKey: string): Promise<SeriesBucket[]> {
    return this.loader(`series:${cacheKey}`, (ids) => clickSeries(this.context.services, { linkIds: ids }, buckets)).load(linkId);
  }

  stats(linkId: string, range: { from: Date; to: Date }): Promise<ClickStats> {
    return this.loader(`stats:${range.from.toISOString()}:${range.to.toISOString()}`, (ids) => clickStats(this.context.services, ids, range)).load(
      linkId,
    );
  }

  breakdown(linkId: string, query: { by: Dimension; from: Date; to: Date; first: number }): Promise<BreakdownEntry[]> {
    const key = `breakdown:${query.by}:${query.from.toISOString()}:${query.to.toISOString()}:${query.first}`;
    return this.loader(key, (ids) => clickBreakdown(this.context.services, { linkIds: ids }, query)).load(linkId);
  }
}

/** Anything that lives exactly as long as one request (the GraphQL context, a REST request's state). */
type RequestScope = { services: Pick<Services, "db" | "config"> };

const perRequest = new WeakMap<RequestScope, AnalyticsLoaders>();

export type { AnalyticsLoaders };

export function analyticsLoaders(context: RequestScope): AnalyticsLoaders {
  let loaders = perRequest.get(context);
  if (!loaders) perRequest.set(context, (loaders = new AnalyticsLoaders(context)));
  return loaders;
}
