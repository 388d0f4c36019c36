import type { StoredTotal } from "./click-event.js";

export interface ClickCountUpdate {
  linkId: string;
  total: number;
}

export interface LiveCounts {
  /** Stored totals as batches are written (any instance). */
  publish(totals: StoredTotal[]): void;
  /**
   * Follows the totals of some links. `initial` (the current stored totals) is delivered first,
   * then updates; totals never go backwards for a subscriber.
   */
  subscribe(linkIds: string[], initial: () => Promise<ClickCountUpdate[]>): AsyncIterableIterator<ClickCountUpdate>;
  /** The links someone follows here (to re-read their stored totals). */
  watchedLinkIds(): Iterable<string>;
  /** Ends every subscription (shutdown). */
  close(): void;
  readonly subscribers: number;
}

interface Throttle {
  latest: number;
  sent: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Fans stored totals out to subscriptions. Per link, updates are coalesced: the first goes out at
 * once, then at most one per `intervalMs` carrying the latest total, and a trailing one always
 * delivers the final value. Each subscriber keeps only the newest total per link it follows, so
 * its memory is bounded by its link count and a slow reader only skips intermediate totals;
 * fan-out never waits for anyone.
 */
export function createLiveCounts(options: { intervalMs: number }): LiveCounts {
  const watchers = new Map<string, Set<Subscriber>>();
  const throttles = new Map<string, Throttle>();
  const everyone = new Set<Subscriber>();

  function offer(linkId: string, total: number) {
    let throttle = throttles.get(linkId);
    if (!throttle) {
      throttle = { latest: total, sent: -1, timer: undefined };
      throttles.set(linkId, throttle);
    }
    throttle.latest = Math.max(throttle.latest, total);
    if (!throttle.timer) emit(linkId, throttle);
  }

  function emit(linkId: string, throttle: Throttle) {
    throttle.sent = throttle.latest;
    for (const subscriber of watchers.get(linkId) ?? []) subscriber.push(linkId, throttle.sent);
    throttle.timer = setTimeout(() => {
      throttle.timer = undefined;
      if (throttle.latest > throttle.sent) emit(linkId, throttle);
      else if (!watchers.has(linkId)) throttles.delete(linkId);
    }, options.intervalMs);
    throttle.timer.unref();
  }

  return {
    publish(totals) {
      for (const { linkId, total } of totals) if (watchers.has(linkId)) offer(linkId, total);
    },
    subscribe(linkIds, initial) {
      const subscriber = new Subscriber(() => {
        everyone.delete(subscriber);
        for (const linkId of linkIds) {
          const set = watchers.get(linkId);
          set?.delete(subscriber);
          if (set?.size === 0) watchers.delete(linkId);
        }
      });
      everyone.add(subscriber);
      // Watch before reading the stored totals, so nothing written in between is missed.
      for (const linkId of linkIds) {
        let set = watchers.get(linkId);
        if (!set) watchers.set(linkId, (set = new Set()));
        set.add(subscriber);
      }
      initial().then(
        (totals) => totals.forEach(({ linkId, total }) => subscriber.push(linkId, total)),
        (error: unknown) => subscriber.fail(error),
      );
      return subscriber;
    },
    watchedLinkIds: () => watchers.keys(),
    close() {
      for (const subscriber of [...everyone]) void subscriber.return();
      for (const throttle of throttles.values()) clearTimeout(throttle.timer);
      throttles.clear();
    },
    get subscribers() {
      return everyone.size;
    },
  };
}

/** One subscription: an async iterator over the newest unsent total per link. */
class Subscriber implements AsyncIterableIterator<ClickCountUpdate> {
  private readonly pending = new Map<string, number>();
  private readonly sent = new Map<string, number>();
  private waiting: { resolve: (result: IteratorResult<ClickCountUpdate>) => void; reject: (error: unknown) => void } | undefined;
  private failure: { error: unknown } | undefined;
  private done = false;

  constructor(private readonly onEnd: () => void) {}

  push(linkId: string, total: number) {
    if (this.done || total <= (this.sent.get(linkId) ?? -1) || total <= (this.pending.get(linkId) ?? -1)) return;
    // Re-inserting moves the link to the back: links take turns when the reader is slow.
    this.pending.delete(linkId);
    this.pending.set(linkId, total);
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve({ value: this.take()!, done: false });
    }
  }

  fail(error: unknown) {
    if (this.done) return;
    const waiting = this.waiting;
    if (!waiting) return void (this.failure = { error });
    this.waiting = undefined;
    void this.return();
    waiting.reject(error);
  }

  private take(): ClickCountUpdate | undefined {
    const first = this.pending.entries().next();
    if (first.done) return undefined;
    const [linkId, total] = first.value;
    this.pending.delete(linkId);
    this.sent.set(linkId, total);
    return { linkId, total };
  }

  next(): Promise<IteratorResult<ClickCountUpdate>> {
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      void this.return();
      return Promise.reject(error);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    const value = this.take();
    if (value) return Promise.resolve({ value, done: false });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<ClickCountUpdate>> {
    if (!this.done) {
      this.done = true;
      this.pending.clear();
      this.onEnd();
      this.waiting?.resolve({ value: undefined, done: true });
      this.waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}
