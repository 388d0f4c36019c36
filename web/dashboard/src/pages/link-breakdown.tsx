import { useState } from "preact/hooks";
import { LinkBreakdown, type ClickDimension, type DashboardBreakdownFragment } from "../api/operations";
import { request } from "../api/session";
import { Bars } from "../charts/bars";
import { formatNumber } from "../lib/format";
import { useAsync } from "../lib/use-async";
import { ErrorText } from "../ui/components";

const MORE_DIMENSIONS: Array<[ClickDimension, string]> = [
  ["SOURCE", "Sources"],
  ["RULE", "Redirect rules"],
  ["VARIANT", "A/B variants"],
];

const SOURCES: Record<string, string> = { qr: "QR code scans", link: "Link visits" };

/** A row's label: sources and rules in words, the link's own URL where no rule or variant served. */
function labelOf(by: ClickDimension, value: string | null, rules: Array<{ id: string; name?: string | null; url?: string | null }>) {
  if (by === "SOURCE") return value ? (SOURCES[value] ?? value) : "Unknown";
  if (value === null) return by === "RULE" ? "No rule" : "No variant";
  if (by === "VARIANT") return `Variant ${value}`;
  const index = rules.findIndex((rule) => rule.id === value);
  if (index < 0) return `Removed rule ${value}`;
  const rule = rules[index]!;
  return `Rule ${index + 1} · ${rule.name ?? rule.url ?? "A/B split"}`;
}

/**
 * One more breakdown of a link, by the dimension chosen (source such as a QR scan, rule, A/B
 * variant): its own operation (DashboardLinkBreakdown), asked for on demand, so the page's main
 * query keeps its aliases under half the server's limit.
 */
export function MoreBreakdown(props: {
  slug: string;
  domain?: string;
  rules: Array<{ id: string; name?: string | null; url?: string | null }>;
  from: string;
  to: string | null | undefined;
  /** Loads again when it changes (the range, or new clicks); from/to alone move with the clock. */
  reloadKey: string;
  onLoad?: (title: string, rows: Array<DashboardBreakdownFragment & { label: string }>) => void;
}) {
  const [by, setBy] = useState<ClickDimension>("SOURCE");
  const title = MORE_DIMENSIONS.find(([value]) => value === by)![1];
  const rows = useAsync(async () => {
    const data = await request(LinkBreakdown, { slug: props.slug, domain: props.domain, by, from: props.from, to: props.to, first: 10 });
    const entries = (data.link?.clickBreakdown ?? []).map((row) => ({ ...row, label: labelOf(by, row.value, props.rules) }));
    props.onLoad?.(title, entries);
    return entries;
  }, [props.slug, props.domain, by, props.reloadKey]);
  return (
    <div class="more-breakdown" aria-busy={rows.loading}>
      <label class="inline">
        More breakdowns
        <select value={by} onChange={(event) => setBy(event.currentTarget.value as ClickDimension)}>
          {MORE_DIMENSIONS.map(([value, label]) => (
            <option value={value} key={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <ErrorText error={rows.error} />
      <Bars
        title={title}
        entries={(rows.data ?? []).map((row) => ({ label: row.label, value: row.clicks, detail: `· ${formatNumber(row.uniqueVisitors)} unique` }))}
      />
    </div>
  );
}
