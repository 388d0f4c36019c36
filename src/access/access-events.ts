import type { Channel } from "../platform/pubsub.js";

/** Someone's access to a workspace changed (role changed, removed, left, workspace deleted). */
export interface AccessChange {
  userId: string;
  workspaceId: string;
}

/**
 * Ends live operations the moment their actor's access changes, on every instance (the bus
 * crosses instances through Redis when configured). Use cases that change memberships publish;
 * use cases that open subscriptions wrap their stream with endOnAccessLoss.
 */
export interface AccessEvents {
  accessChanged(change: AccessChange): void;
  /** The stream, completed as soon as the user's access to any of these workspaces changes. */
  endOnAccessLoss<T>(source: AsyncIterableIterator<T>, who: { userId: string; workspaceIds: readonly string[] }): AsyncIterableIterator<T>;
}

const keyOf = (change: AccessChange) => `${change.workspaceId}:${change.userId}`;

export function createAccessEvents(bus: Channel<string>): AccessEvents {
  const open = new Map<string, Set<() => void>>();
  bus.subscribe((key) => {
    for (const end of [...(open.get(key) ?? [])]) end();
  });

  return {
    accessChanged: (change) => bus.publish(keyOf(change)),
    endOnAccessLoss(source, who) {
      const keys = who.workspaceIds.map((workspaceId) => keyOf({ userId: who.userId, workspaceId }));
      let ended = false;
      let wake: (() => void) | undefined;
      const endNow = () => {
        if (ended) return;
        ended = true;
        release();
        void source.return?.();
        wake?.();
      };
      const release = () => keys.forEach((key) => open.get(key)?.delete(endNow));
      for (const key of keys) {
        if (!open.has(key)) open.set(key, new Set());
        open.get(key)!.add(endNow);
      }
      const done = { value: undefined, done: true } as IteratorReturnResult<undefined>;
      return {
        async next() {
          if (ended) return done;
          const stopped = new Promise<typeof done>((resolve) => (wake = () => resolve(done)));
          const result = await Promise.race([source.next(), stopped]);
          if (result.done) release();
          return ended ? done : result;
        },
        async return() {
          endNow();
          return done;
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
  };
}
