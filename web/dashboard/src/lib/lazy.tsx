import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ErrorText, Loading } from "../ui/components";

/**
 * A page loaded on first use, in a chunk of its own: the chart library only downloads when a
 * chart is opened, so the first load stays small.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function LazyPage(props: P) {
    const [, setReady] = useState(0);
    const [error, setError] = useState<string>();
    useEffect(() => {
      if (loaded) return;
      loading ??= load().then((component) => (loaded = component));
      loading.then(
        () => setReady(1),
        () => {
          loading = undefined;
          setError("This page could not be loaded. Check your connection and reload.");
        },
      );
    }, []);
    if (loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    return error ? <ErrorText error={error} /> : <Loading />;
  };
}
