import { useState } from "preact/hooks";
import { WorkspaceBreakdown as WorkspaceBreakdownQuery, type ClickDimension, type DashboardBreakdownFragment } from "../api/operations";
import { request } from "../api/session";
import { Bars } from "../charts/bars";
import { formatNumber } from "../lib/format";
import { useAsync } from "../lib/use-async";
import { ErrorText } from "../ui/components";

const DIMENSIONS: Array<[ClickDimension, string, string]> = [
  ["REFERRER", "Referrers", "Direct / unknown"],
  ["COUNTRY", "Countries", "Unknown"],
  ["DEVICE", "Devices", "Unknown"],
  ["BROWSER", "Browsers", "Unknown"],
  ["OS", "Operating systems", "Unknown"],
  ["SOURCE", "Sources", "Unknown"],
];

const SOURCES: Record<string, string> = { qr: "QR code scans", link: "Link visits" };

export type BreakdownRow = DashboardBreakdownFragment & { label: string };

/**
 * One breakdown across the workspace's links, of the dimension chosen: fetched alone
 * (DashboardWorkspaceBreakdown) when picked, and again when `reloadKey` changes.
 */
export function WorkspaceBreakdown(props: {
  from: string;
  to: string | null | undefined;
  reloadKey: string;
  onLoad?: (title: string, rows: BreakdownRow[]) => void;
}) {
  const [by, setBy] = useState<ClickDimension>("REFERRER");
  const [, title, unknown] = DIMENSIONS.find(([value]) => value === by)!;
  const rows = useAsync(async () => {
    const data = await request(WorkspaceBreakdownQuery, { by, from: props.from, to: props.to, first: 10 });
    const entries = (data.clickSummary?.breakdown ?? []).map((row) => ({
      ...row,
      label: row.value === null ? unknown : by === "SOURCE" ? (SOURCES[row.value] ?? row.value) : row.value,
    }));
    props.onLoad?.(title, entries);
    return entries;
  }, [by, props.reloadKey]);
  return (
    <div class="more-breakdown" aria-busy={rows.loading}>
      <label class="inline">
        Breakdown
        <select value={by} onChange={(event) => setBy(event.currentTarget.value as ClickDimension)}>
          {DIMENSIONS.map(([value, label]) => (
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
