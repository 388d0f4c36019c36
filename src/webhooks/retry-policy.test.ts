import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs } from "./retry-policy.js";

const settings = { retryBaseMs: 1_000, retryMaxMs: 60_000 };

describe("the retry schedule", () => {
  it("doubles from the base, within ±25 % jitter, up to the cap", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, settings, undefined, () => 0.5))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(3, settings, undefined, () => 0)).toBe(3_000);
    expect(retryDelayMs(3, settings, undefined, () => 1)).toBe(5_000);
    expect(retryDelayMs(30, settings, undefined, () => 0.5)).toBe(60_000);
  });

  it("waits at least as long as Retry-After asks, but never beyond the cap", () => {
    expect(retryDelayMs(1, settings, 10_000, () => 0.5)).toBe(10_000);
    expect(retryDelayMs(1, settings, 3_600_000, () => 0.5)).toBe(60_000);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000 + 30_000).toUTCString(), 10_000)).toBe(30_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
