/**
 * Wraps a stream so that it can be ended from outside: `end()` completes it at once (a pending
 * `next()` answers done) and returns the source. `onFinish` runs once, however the stream stops.
 */
export function endableStream<T>(source: AsyncIterableIterator<T>, onFinish: () => void) {
  let ended = false;
  let wake: (() => void) | undefined;
  const done = { value: undefined, done: true } as IteratorReturnResult<undefined>;
  const end = () => {
    if (ended) return;
    ended = true;
    onFinish();
    void source.return?.();
    wake?.();
  };
  const stream: AsyncIterableIterator<T> = {
    async next() {
      if (ended) return done;
      const stopped = new Promise<typeof done>((resolve) => (wake = () => resolve(done)));
      let result: IteratorResult<T>;
      try {
        result = await Promise.race([source.next(), stopped]);
      } catch (error) {
        end();
        throw error;
      }
      if (result.done) end();
      return ended && !result.done ? done : result;
    },
    async return() {
      end();
      return done;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return { stream, end };
}
