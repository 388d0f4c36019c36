import { useEffect, useRef, useState } from "preact/hooks";
import { LinkStats, type DashboardBreakdownFragment } from "../api/operations";
import { request } from "../api/session";
import { Bars } from "../charts/bars";
import { TimeSeriesChart } from "../charts/time-series";
import { downloadCsv } from "../lib/csv";
import { browserTimeZone, formatNumber } from "../lib/format";
import { linkPath } from "../lib/link-path";
import { navigate } from "../lib/router";
import { useAsync } from "../lib/use-async";
import { useLiveTotals } from "../lib/use-live-totals";
import { CopyButton, ErrorText, Loading, PageHeader } from "../ui/components";
import { QrDownloads } from "../ui/qr-download";
import { RangePicker, resolveRange, type RangeValue } from "../ui/range-picker";
import { MoreBreakdown } from "./link-breakdown";

const DIMENSIONS = [
  ["referrers", "Referrers", "Direct / unknown"],
  ["countries", "Countries", "Unknown"],
  ["devices", "Devices", "Unknown"],
  ["browsers", "Browsers", "Unknown"],
  ["systems", "Operating systems", "Unknown"],
] as const;

/** One link: live total, the chart, unique visitors, every breakdown, CSV of what is shown. */
export function LinkAnalyticsPage({ slug, domain }: { slug: string; domain?: string }) {
  const [range, setRange] = useState<RangeValue>({ range: "24h", from: "", to: "", granularity: "HOUR", timezone: browserTimeZone() });
  const [tick, setTick] = useState(0);
  const resolved = resolveRange(range);
  const stats = useAsync(
    () =>
      request(LinkStats, {
        slug,
        domain,
        from: resolved.from,
        to: resolved.to,
        granularity: range.granularity,
        timezone: range.timezone,
        first: 10,
      }).then((data) => data.link),
    [slug, JSON.stringify(range), tick],
  );
  const link = stats.data;
  // What the extra breakdown shows now, for the CSV.
  const more = useRef<{ title: string; rows: Array<DashboardBreakdownFragment & { label: string }> } | undefined>(undefined);
  const live = useLiveTotals(link ? [link.id] : []);
  const total = link ? (live.totals[link.id] ?? link.clickCount) : 0;

  // A live total above the loaded one means new clicks: reload the chart and breakdowns (at most
  // once a second) while the range ends now.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!link || !resolved.live || total <= link.clickCount || pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      setTick((n) => n + 1);
    }, 1_000);
  }, [total, link?.clickCount]);
  useEffect(() => () => clearTimeout(pending.current), []);

  if (stats.loading && !link) return <Loading what="Loading analytics…" />;
  if (!link) return <ErrorText error={stats.error ?? `There is no link ${slug}.`} />;

  const entries = (rows: DashboardBreakdownFragment[] | null | undefined, unknown: string) =>
    (rows ?? []).map((row) => ({ label: row.value ?? unknown, value: row.clicks, detail: `· ${formatNumber(row.uniqueVisitors)} unique` }));

  const exportCsv = () => {
    const rows: Array<Array<string | number | null>> = [["section", "value", "start", "end", "clicks", "unique_visitors"]];
    rows.push([
      "summary",
      "range",
      resolved.from,
      resolved.to ?? new Date().toISOString(),
      link.clickStats?.clicks ?? 0,
      link.clickStats?.uniqueVisitors ?? 0,
    ]);
    for (const bucket of link.clickSeries ?? [])
      rows.push([`series (${range.granularity.toLowerCase()}, ${range.timezone})`, null, bucket.start, bucket.end, bucket.clicks, null]);
    for (const [key, title, unknown] of DIMENSIONS)
      for (const row of link[key] ?? []) rows.push([title, row.value ?? unknown, null, null, row.clicks, row.uniqueVisitors]);
    for (const row of more.current?.rows ?? []) rows.push([more.current!.title, row.label, null, null, row.clicks, row.uniqueVisitors]);
    downloadCsv(`linkgraph-${link.slug}-${range.range}.csv`, rows);
  };

  return (
    <>
      <PageHeader title={link.title ?? link.slug}>
        <button type="button" class="secondary" onClick={exportCsv}>
          Export CSV
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => navigate(linkPath({ slug: link.slug, domain: domain ? { hostname: domain, isDefault: false } : null }, "/edit"))}
        >
          Edit link
        </button>
        <QrDownloads link={link} />
      </PageHeader>
      <p class="link-line">
        <a href={link.shortUrl} target="_blank" rel="noreferrer">
          {link.shortUrl}
        </a>{" "}
        <CopyButton text={link.shortUrl} /> <span class="muted">→ {link.url}</span>
      </p>
      <RangePicker value={range} onChange={setRange} />
      <ErrorText error={stats.error ?? live.error} />
      <div class="stats" aria-busy={stats.loading}>
        <div class="stat">
          <span class="stat-label">All-time clicks {resolved.live ? <span class="live-dot" title="Live" /> : null}</span>
          <span class="stat-value" data-testid="total-clicks" data-count={total}>
            {formatNumber(total)}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Clicks in range</span>
          <span class="stat-value" data-testid="range-clicks">
            {formatNumber(link.clickStats?.clicks ?? 0)}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Unique visitors</span>
          <span class="stat-value" data-testid="unique-visitors">
            {formatNumber(link.clickStats?.uniqueVisitors ?? 0)}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">Bot clicks (not counted)</span>
          <span class="stat-value">{formatNumber(link.clickStats?.botClicks ?? 0)}</span>
        </div>
      </div>
      <section class="card">
        <TimeSeriesChart
          buckets={link.clickSeries ?? []}
          timezone={range.timezone}
          label={`Clicks per ${range.granularity.toLowerCase()} (${range.timezone})`}
        />
      </section>
      <div class="grid-bars">
        {DIMENSIONS.map(([key, title, unknown]) => (
          <Bars key={key} title={title} entries={entries(link[key], unknown)} />
        ))}
        <MoreBreakdown
          slug={link.slug}
          domain={domain}
          rules={link.rules}
          from={resolved.from}
          to={resolved.to}
          reloadKey={`${JSON.stringify(range)} ${tick}`}
          onLoad={(title, rows) => (more.current = { title, rows })}
        />
      </div>
    </>
  );
}
