import { describe, expect, it, vi } from "vitest";
import { createLiveCounts } from "./live-counts.js";

const total = (linkId: string, value: number) => [{ linkId, total: value, added: 1 }];

describe("live count fan-out", () => {
  it("sends the first update at once, then the latest at most once per interval, ending on the last total", async () => {
    vi.useFakeTimers();
    try {
      const hub = createLiveCounts({ intervalMs: 250 });
      const updates = hub.subscribe(["a"], async () => [{ linkId: "a", total: 0 }]);
      const seen: number[] = [];
      const reading = (async () => {
        for await (const update of updates) seen.push(update.total);
      })();
      await vi.advanceTimersByTimeAsync(0);
      for (let i = 1; i <= 1_000; i++) {
        hub.publish(total("a", i));
        if (i % 100 === 0) await vi.advanceTimersByTimeAsync(50); // 1,000 totals over 0.5 s
      }
      await vi.advanceTimersByTimeAsync(1_000);
      expect(seen[0]).toBe(0);
      expect(seen.at(-1)).toBe(1_000);
      expect(seen.length).toBeLessThanOrEqual(5);
      hub.close();
      await reading;
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps only the newest total per link for a reader that is not reading: others are not held up", async () => {
    const hub = createLiveCounts({ intervalMs: 1 });
    const stalled = hub.subscribe(["a", "b"], async () => []);
    const active = hub.subscribe(["a"], async () => []);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const update of active) {
        seen.push(update.total);
        if (update.total === 500) break;
      }
    })();
    for (let i = 1; i <= 500; i++) {
      hub.publish([...total("a", i), ...total("b", i * 2)]);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await reading;
    expect(seen.at(-1)).toBe(500);
    // The stalled reader now gets just the latest of each link, not 1,000 queued updates.
    expect(await stalled.next()).toEqual({ value: { linkId: "a", total: 500 }, done: false });
    expect(await stalled.next()).toEqual({ value: { linkId: "b", total: 1_000 }, done: false });
    hub.close();
    expect(await stalled.next()).toEqual({ value: undefined, done: true });
    expect(hub.subscribers).toBe(0);
  });

  it("never sends a subscriber a total lower than one it already has", async () => {
    const hub = createLiveCounts({ intervalMs: 1 });
    const updates = hub.subscribe(["a"], async () => [{ linkId: "a", total: 10 }]);
    expect(await updates.next()).toEqual({ value: { linkId: "a", total: 10 }, done: false });
    hub.publish(total("a", 7)); // an older total announced late by another instance
    hub.publish(total("a", 12));
    expect(await updates.next()).toEqual({ value: { linkId: "a", total: 12 }, done: false });
    await updates.return!();
    expect(hub.subscribers).toBe(0);
  });

  it("moves with announced clicks before they are stored, and ends on the stored total without counting them twice", async () => {
    const hub = createLiveCounts({ intervalMs: 1 });
    const updates = hub.subscribe(["a"], async () => [{ linkId: "a", total: 5 }]);
    expect(await updates.next()).toEqual({ value: { linkId: "a", total: 5 }, done: false });
    hub.addDeltas([{ linkId: "a", n: 2 }]);
    expect(await updates.next()).toEqual({ value: { linkId: "a", total: 7 }, done: false });
    hub.addDeltas([{ linkId: "a", n: 1 }]);
    expect(await updates.next()).toEqual({ value: { linkId: "a", total: 8 }, done: false });
    // The first two are stored (by any instance), then a batch with the third and one more.
    hub.publish(total("a", 7));
    hub.publish(total("a", 9));
    expect(await updates.next()).toEqual({ value: { linkId: "a", total: 9 }, done: false });
    hub.close();
  });

  it("forgets announced clicks never stored, without going backwards", async () => {
    vi.useFakeTimers();
    try {
      const hub = createLiveCounts({ intervalMs: 1, unconfirmedTtlMs: 1_000 });
      const updates = hub.subscribe(["a"], async () => [{ linkId: "a", total: 3 }]);
      const seen: number[] = [];
      const reading = (async () => {
        for await (const update of updates) seen.push(update.total);
      })();
      await vi.advanceTimersByTimeAsync(0);
      hub.addDeltas([{ linkId: "a", n: 1 }]); // a click lost before it was stored
      await vi.advanceTimersByTimeAsync(2_000);
      hub.publish(total("a", 4)); // a later click: the estimate is back on the stored total
      hub.addDeltas([{ linkId: "a", n: 1 }]);
      await vi.advanceTimersByTimeAsync(10);
      expect(seen).toEqual([3, 4, 5]);
      hub.publish(total("a", 5));
      await vi.advanceTimersByTimeAsync(10);
      expect(seen).toEqual([3, 4, 5]);
      hub.close();
      await reading;
    } finally {
      vi.useRealTimers();
    }
  });

  it("hands every subscriber of a link the same update object, so it is serialized once", async () => {
    const hub = createLiveCounts({ intervalMs: 1 });
    const first = hub.subscribe(["a"], async () => [{ linkId: "a", total: 0 }]);
    const second = hub.subscribe(["a"], async () => [{ linkId: "a", total: 0 }]);
    await first.next();
    await second.next();
    hub.addDeltas([{ linkId: "a", n: 1 }]);
    const [one, two] = await Promise.all([first.next(), second.next()]);
    expect(one.value).toEqual({ linkId: "a", total: 1 });
    expect(one.value).toBe(two.value);
    hub.close();
  });
});
