import { useEffect, useRef, useState } from "preact/hooks";
import { ClickSummary } from "../api/operations";
import { request } from "../api/session";
import { Bars } from "../charts/bars";
import { TimeSeriesChart } from "../charts/time-series";
import { downloadCsv } from "../lib/csv";
import { browserTimeZone, formatNumber } from "../lib/format";
import { Link } from "../lib/router";
import { useAsync } from "../lib/use-async";
import { useLiveTotals } from "../lib/use-live-totals";
import { ErrorText, Loading, PageHeader } from "../ui/components";
import { RangePicker, resolveRange, type RangeValue } from "../ui/range-picker";
import { WorkspaceBreakdown, type BreakdownRow } from "./workspace-breakdown";

/**
 * The workspace's clicks over a range: totals, the chart, the most clicked links and one breakdown
 * at a time; live while the range ends now.
 */
export function AnalyticsPage() {
  const [range, setRange] = useState<RangeValue>({ range: "7d", from: "", to: "", granularity: "DAY", timezone: browserTimeZone() });
  const [tick, setTick] = useState(0);
  const resolved = resolveRange(range);
  const summary = useAsync(
    () =>
      request(ClickSummary, { from: resolved.from, to: resolved.to, first: 10, granularity: range.granularity, timezone: range.timezone }).then(
        (data) => data.clickSummary,
      ),
    [JSON.stringify(range), tick],
  );
  const data = summary.data;
  // What the breakdown shows now, for the CSV.
  const breakdown = useRef<{ title: string; rows: BreakdownRow[] } | undefined>(undefined);
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
    for (const bucket of data.series ?? [])
      rows.push([`series (${range.granularity.toLowerCase()}, ${range.timezone})`, null, bucket.start, bucket.end, bucket.clicks, null]);
    for (const top of data.topLinks) rows.push(["top link", top.link.shortUrl, data.from, data.to, top.clicks, top.uniqueVisitors]);
    for (const row of breakdown.current?.rows ?? [])
      rows.push([breakdown.current!.title, row.label, data.from, data.to, row.clicks, row.uniqueVisitors]);
    downloadCsv(`linkgraph-summary-${range.range}.csv`, rows);
  };

  return (
    <>
      <PageHeader title="Analytics">
        <button type="button" class="secondary" onClick={exportCsv} disabled={!data}>
          Export CSV
        </button>
      </PageHeader>
      <RangePicker value={range} onChange={setRange} />
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
          <section class="card">
            <TimeSeriesChart
              buckets={data.series ?? []}
              timezone={range.timezone}
              label={`Clicks per ${range.granularity.toLowerCase()} (${range.timezone})`}
            />
          </section>
          <div class="grid-bars">
            <Bars
              title="Top links"
              entries={data.topLinks.map((top) => ({
                label: top.link.title ?? top.link.slug,
                value: top.clicks,
                detail: `· ${formatNumber(top.uniqueVisitors)} unique`,
              }))}
            />
            <WorkspaceBreakdown
              from={resolved.from}
              to={resolved.to}
              reloadKey={`${JSON.stringify(range)} ${tick}`}
              onLoad={(title, rows) => (breakdown.current = { title, rows })}
            />
          </div>
          <p class="small muted">
            Per-link charts, rules and A/B variants: open a link from <Link href="/links">Links</Link>.
          </p>
        </>
      ) : null}
    </>
  );
}
