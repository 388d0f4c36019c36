import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { describeError } from "../api/client";

export interface Async<T> {
  data?: T;
  error?: string;
  loading: boolean;
  /** Loads again; keeps showing the current data meanwhile. */
  reload(): Promise<void>;
  setData(update: (data: T | undefined) => T | undefined): void;
}

/** Loads `load()` now and whenever `deps` change; the newest call wins. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const run = useCallback(async () => {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await load();
      if (mine === generation.current) setState({ data, loading: false });
    } catch (error) {
      if (mine === generation.current) setState((previous) => ({ data: previous.data, error: describeError(error), loading: false }));
    }
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  return {
    ...state,
    reload: run,
    setData: (update) => setState((previous) => ({ ...previous, data: update(previous.data) })),
  };
}

/** A button's or form's action: pending while it runs, its error as a sentence. */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [errorField, setErrorField] = useState<string | undefined>();
  // The whole path the server named (`rules[2].variants[1].url`), for nested inputs.
  const [errorPath, setErrorPath] = useState<string | undefined>();
  const run = async (...args: A) => {
    setPending(true);
    setError(undefined);
    setErrorField(undefined);
    setErrorPath(undefined);
    try {
      await action(...args);
      return true;
    } catch (failure) {
      setError(describeError(failure));
      setErrorField((failure as { field?: string }).field);
      setErrorPath((failure as { extensions?: { field?: string } }).extensions?.field?.replace(/^input\./, ""));
      return false;
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error, errorField, errorPath, clearError: () => setError(undefined) };
}
