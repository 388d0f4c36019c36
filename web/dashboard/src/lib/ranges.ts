import type { ClickGranularity } from "../api/operations";

export type RangeKey = "1h" | "24h" | "7d" | "30d" | "90d" | "custom";

export const RANGES: Array<{ key: RangeKey; label: string; ms: number; granularity: ClickGranularity }> = [
  { key: "1h", label: "Last hour", ms: 3_600_000, granularity: "MINUTE" },
  { key: "24h", label: "Last 24 hours", ms: 86_400_000, granularity: "HOUR" },
  { key: "7d", label: "Last 7 days", ms: 7 * 86_400_000, granularity: "HOUR" },
  { key: "30d", label: "Last 30 days", ms: 30 * 86_400_000, granularity: "DAY" },
  { key: "90d", label: "Last 90 days", ms: 90 * 86_400_000, granularity: "DAY" },
  { key: "custom", label: "Custom…", ms: 0, granularity: "DAY" },
];

const BUCKET_MS: Record<ClickGranularity, number> = {
  MINUTE: 60_000,
  HOUR: 3_600_000,
  DAY: 86_400_000,
  WEEK: 7 * 86_400_000,
  MONTH: 28 * 86_400_000,
};
export const GRANULARITIES: Array<[ClickGranularity, string]> = [
  ["MINUTE", "Minute"],
  ["HOUR", "Hour"],
  ["DAY", "Day"],
  ["WEEK", "Week"],
  ["MONTH", "Month"],
];
/** The server refuses more than 2000 buckets. */
export const granularityFits = (granularity: ClickGranularity, spanMs: number) => spanMs / BUCKET_MS[granularity] <= 2000;

export function timeZones(current?: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...(current ? [current] : []), "UTC", ...zones])];
}
