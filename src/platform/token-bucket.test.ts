import { describe, expect, it } from "vitest";
import { createTokenBuckets } from "./token-bucket.js";

describe("token buckets", () => {
  it("allows a burst of `capacity`, refills continuously, and says when to retry", () => {
    let now = 0;
    const buckets = createTokenBuckets({ capacity: 3, periodMs: 60_000, now: () => now });
    expect([1, 2, 3].map(() => buckets.take("a").allowed)).toEqual([true, true, true]);
    const refused = buckets.take("a");
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
    expect(refused.resetMs).toBe(20_000);
    expect(buckets.take("b").allowed).toBe(true);
    now += 20_000;
    expect(buckets.take("a").allowed).toBe(true);
    expect(buckets.take("a").allowed).toBe(false);
    now += 10 * 60_000;
    expect(buckets.take("a")).toMatchObject({ allowed: true, remaining: 2 });
  });
});
