import type { StoredTotal } from "./click-event.js";

export interface ClickCountUpdate {
  readonly linkId: string;
  readonly total: number;
}

/** Clicks served on some instance and not yet stored (bots excluded unless they count). */
export interface ClickDelta {
  linkId: string;
  n: number;
}

export interface LiveCounts {
  /** Stored totals (batches written on any instance, or re-read): the truth estimates converge to. */
  publish(totals: StoredTotal[]): void;
  /** Clicks served and not yet stored, announced by the instance that served them before it stores them. */
  addDeltas(deltas: ClickDelta[]): void;
  /**
   * Follows the totals of some links. `initial` (the current stored totals) is delivered first,
   * then updates; totals never go backwards for a subscriber. Every subscriber of a link is
   * handed the same update object per emission, so a transport can serialize it once.
   */
  subscribe(linkIds: string[], initial: () => Promise<ClickCountUpdate[]>): AsyncIterableIterator<ClickCountUpdate>;
  /** The links someone follows here (to re-read their stored totals). */
  watchedLinkIds(): Iterable<string>;
  /** Ends every subscription (shutdown). */
  close(): void;
  readonly subscribers: number;
}

interface LinkState {
  subscribers: Set<Subscriber>;
  /** The highest stored total known; -1 until one is. */
  stored: number;
  /** Announced clicks not yet seen stored, oldest first: [announced at, clicks]. */
  unconfirmed: Array<[number, number]>;
  unconfirmedSum: number;
  /** The last total fanned out. */
  shown: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Fans live totals out to subscriptions. A link's total is its stored total plus the clicks
 * announced since (deltas) that no stored total covers yet: stored totals growing by k confirm
 * the k oldest announced clicks, and announced clicks not confirmed within `unconfirmedTtlMs`
 * (dropped, lost) are forgotten, so the estimate converges to the stored total. Deltas arrive
 * before the totals that include them (the serving instance announces before it stores), and a
 * link ignores deltas until it knows a stored total. Per link, the first change goes out at once,
 * then at most one per `intervalMs` with the latest total; subscribers keep only the newest total
 * per link, so a slow reader skips intermediate totals and fan-out never waits for anyone.
 */
export function createLiveCounts(options: { intervalMs: number; unconfirmedTtlMs?: number }): LiveCounts {
  const ttl = options.unconfirmedTtlMs ?? 30_000;
  const links = new Map<string, LinkState>();
  const everyone = new Set<Subscriber>();

  function learnStored(state: LinkState, total: number) {
    if (total <= state.stored) return;
    if (state.stored >= 0) {
      // The stored total grew by these clicks: the oldest announced ones are now stored.
      let covered = total - state.stored;
      while (covered > 0 && state.unconfirmed.length > 0) {
        const oldest = state.unconfirmed[0]!;
        const used = Math.min(covered, oldest[1]);
        oldest[1] -= used;
        state.unconfirmedSum -= used;
        covered -= used;
        if (oldest[1] === 0) state.unconfirmed.shift();
      }
    }
    state.stored = total;
  }

  function estimate(state: LinkState) {
    const cutoff = Date.now() - ttl;
    while (state.unconfirmed.length > 0 && state.unconfirmed[0]![0] < cutoff) state.unconfirmedSum -= state.unconfirmed.shift()![1];
    return state.stored + state.unconfirmedSum;
  }

  function offer(linkId: string, state: LinkState) {
    if (!state.timer) emit(linkId, state);
  }

  function emit(linkId: string, state: LinkState) {
    const total = estimate(state);
    if (state.stored < 0 || total <= state.shown) return;
    state.shown = total;
    const update: ClickCountUpdate = { linkId, total };
    for (const subscriber of state.subscribers) subscriber.push(update);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (links.get(linkId) === state) emit(linkId, state);
    }, options.intervalMs);
    state.timer.unref();
  }

  function stateOf(linkId: string) {
    let state = links.get(linkId);
    if (!state) links.set(linkId, (state = { subscribers: new Set(), stored: -1, unconfirmed: [], unconfirmedSum: 0, shown: -1, timer: undefined }));
    return state;
  }

  return {
    publish(totals) {
      for (const { linkId, total } of totals) {
        const state = links.get(linkId);
        if (!state) continue;
        learnStored(state, total);
        offer(linkId, state);
      }
    },
    addDeltas(deltas) {
      const now = Date.now();
      for (const { linkId, n } of deltas) {
        const state = links.get(linkId);
        if (!state || state.stored < 0 || n <= 0) continue;
        state.unconfirmed.push([now, n]);
        state.unconfirmedSum += n;
        offer(linkId, state);
      }
    },
    subscribe(linkIds, initial) {
      const subscriber = new Subscriber(() => {
        everyone.delete(subscriber);
        for (const linkId of linkIds) {
          const state = links.get(linkId);
          state?.subscribers.delete(subscriber);
          if (state?.subscribers.size === 0) {
            clearTimeout(state.timer);
            links.delete(linkId);
          }
        }
      });
      everyone.add(subscriber);
      // Watch before reading the stored totals, so nothing written in between is missed.
      for (const linkId of linkIds) stateOf(linkId).subscribers.add(subscriber);
      // A link watched here already has its stored total kept current (totals messages, re-reads
      // after gaps): a crowd subscribing to one link costs no read each.
      const known = linkIds.map((linkId) => links.get(linkId)!).every((state) => state.stored >= 0);
      const read = known ? Promise.resolve(linkIds.map((linkId) => ({ linkId, total: links.get(linkId)!.stored }))) : initial();
      read.then(
        (totals) => {
          for (const update of totals) {
            subscriber.push(update);
            const state = links.get(update.linkId);
            if (state) learnStored(state, update.total);
          }
          // What others were already shown, when it is ahead of this reader's stored total.
          for (const linkId of linkIds) {
            const state = links.get(linkId);
            if (state && state.shown >= 0) subscriber.push({ linkId, total: state.shown });
          }
        },
        (error: unknown) => subscriber.fail(error),
      );
      return subscriber;
    },
    watchedLinkIds: () => links.keys(),
    close() {
      for (const subscriber of [...everyone]) void subscriber.return();
      for (const state of links.values()) clearTimeout(state.timer);
      links.clear();
    },
    get subscribers() {
      return everyone.size;
    },
  };
}

/** One subscription: an async iterator over the newest unsent total per link. */
class Subscriber implements AsyncIterableIterator<ClickCountUpdate> {
  private pending: Map<string, ClickCountUpdate> | undefined;
  private readonly sent = new Map<string, number>();
  private waiting: { resolve: (result: IteratorResult<ClickCountUpdate>) => void; reject: (error: unknown) => void } | undefined;
  private failure: { error: unknown } | undefined;
  private done = false;

  constructor(private readonly onEnd: () => void) {}

  push(update: ClickCountUpdate) {
    const { linkId, total } = update;
    if (this.done || total <= (this.sent.get(linkId) ?? -1) || total <= (this.pending?.get(linkId)?.total ?? -1)) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      this.sent.set(linkId, total);
      return resolve({ value: update, done: false });
    }
    // Re-inserting moves the link to the back: links take turns when the reader is slow.
    this.pending ??= new Map();
    this.pending.delete(linkId);
    this.pending.set(linkId, update);
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
    const first = this.pending?.values().next();
    if (!first || first.done) return undefined;
    const update = first.value;
    this.pending!.delete(update.linkId);
    this.sent.set(update.linkId, update.total);
    return update;
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
      this.pending = undefined;
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
