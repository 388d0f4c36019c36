import { useEffect, useState } from "preact/hooks";
import { watchClickCounts } from "../api/live";

/** Live click totals of these links (current total first, then every change), by link id. */
export function useLiveTotals(linkIds: string[]): { totals: Record<string, number>; error?: string } {
  const [totals, setTotals] = useState<Record<string, number>>({});
  const [error, setError] = useState<string>();
  const key = linkIds.join(",");
  useEffect(() => {
    setError(undefined);
    return watchClickCounts(
      linkIds,
      (linkId, total) => setTotals((previous) => (previous[linkId] === total ? previous : { ...previous, [linkId]: total })),
      (message) => setError(`Live updates stopped: ${message}`),
    );
  }, [key]);
  return { totals, error };
}
