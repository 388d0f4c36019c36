import { useEffect, useState } from "preact/hooks";
import { ClickSummary } from "../api/operations";
import { request } from "../api/session";
import { Bars } from "../charts/bars";
import { downloadCsv } from "../lib/csv";
import { browserTimeZone, formatNumber } from "../lib/format";
import { Link } from "../lib/router";
import { useAsync } from "../lib/use-async";
import { useLiveTotals } from "../lib/use-live-totals";
import { ErrorText, Loading, PageHeader } from "../ui/components";
import { RangePicker, resolveRange, type RangeValue } from "../ui/range-picker";

/** Clicks across all your links over a range, and the most clicked ones; live while the range ends now. */
export function AnalyticsPage() {
  const [range, setRange] = useState<RangeValue>({ range: "7d", from: "", to: "", granularity: "DAY", timezone: browserTimeZone() });
  const [tick, setTick] = useState(0);
  const resolved = resolveRange(range);
  const summary = useAsync(
    () => request(ClickSummary, { from: resolved.from, to: resolved.to, first: 10 }).then((data) => data.clickSummary),
    [JSON.stringify(range), tick],
  );
  const data = summary.data;
  const live = useLiveTotals(data?.topLinks.map((top) => top.link.id) ?? []);

  // Top links' totals moving means the summary moved; other links are caught by a slow poll.
  const liveKey = JSON.stringify(live.totals);
  useEffect(() => {
    if (!resolved.live || liveKey === "{}") return;
    const timer = setTimeout(() => setTick((n) => n + 1), 1_000);
    return () => clearTimeout(timer);
  }, [liveKey]);
  useEffect(() => {
    if (!resolved.live) return;
    const timer = setInterval(() => setTick((n) => n + 1), 15_000);
    return () => clearInterval(timer);
  }, [resolved.live]);

  const exportCsv = () => {
    if (!data) return;
    const rows: Array<Array<string | number | null>> = [["section", "link", "from", "to", "clicks", "unique_visitors"]];
    rows.push(["total", null, data.from, data.to, data.clicks, data.uniqueVisitors]);
    for (const top of data.topLinks) rows.push(["top link", top.link.shortUrl, data.from, data.to, top.clicks, top.uniqueVisitors]);
    downloadCsv(`linkgraph-summary-${range.range}.csv`, rows);
  };

  return (
    <>
      <PageHeader title="Analytics">
        <button type="button" class="secondary" onClick={exportCsv} disabled={!data}>
          Export CSV
        </button>
      </PageHeader>
      <RangePicker value={range} onChange={setRange} granularity={false} />
      <ErrorText error={summary.error ?? live.error} />
      {summary.loading && !data ? (
        <Loading what="Loading analytics…" />
      ) : data ? (
        <>
          <div class="stats">
            <div class="stat">
              <span class="stat-label">Clicks</span>
              <span class="stat-value" data-testid="summary-clicks">
                {formatNumber(data.clicks)}
              </span>
            </div>
            <div class="stat">
              <span class="stat-label">Unique visitors</span>
              <span class="stat-value">{formatNumber(data.uniqueVisitors)}</span>
            </div>
            <div class="stat">
              <span class="stat-label">Links clicked</span>
              <span class="stat-value">{formatNumber(data.linksClicked)}</span>
            </div>
          </div>
          <Bars
            title="Top links"
            entries={data.topLinks.map((top) => ({
              label: top.link.title ?? top.link.slug,
              value: top.clicks,
              detail: `· ${formatNumber(top.uniqueVisitors)} unique`,
            }))}
          />
          <p class="small muted">
            Per-link charts and breakdowns: open a link from <Link href="/links">Links</Link>.
          </p>
        </>
      ) : null}
    </>
  );
}
