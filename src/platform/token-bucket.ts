import { LRUCache } from "lru-cache";

export interface TokenBucketDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the bucket is full again (and, when refused, until one token is back). */
  resetMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * In-process token buckets, one per key, synchronous and allocation-light so they can sit on a hot
 * path: `capacity` tokens refilled at `capacity` per `periodMs`. The least recently seen keys are
 * forgotten beyond `maxKeys` (a forgotten key starts full: generous, never wrong the other way).
 */
export function createTokenBuckets(options: { capacity: number; periodMs: number; maxKeys?: number; now?: () => number }) {
  const { capacity, periodMs } = options;
  const now = options.now ?? Date.now;
  const perMs = capacity / periodMs;
  const buckets = new LRUCache<string, Bucket>({ max: options.maxKeys ?? 100_000 });

  return {
    take(key: string): TokenBucketDecision {
      const at = now();
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = { tokens: capacity, at }));
      else {
        bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.at) * perMs);
        bucket.at = at;
      }
      const allowed = bucket.tokens >= 1;
      if (allowed) bucket.tokens -= 1;
      return {
        allowed,
        limit: capacity,
        remaining: Math.floor(bucket.tokens),
        resetMs: Math.ceil((allowed ? capacity - bucket.tokens : 1 - bucket.tokens) / perMs),
      };
    },
  };
}
