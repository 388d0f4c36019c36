import type { ClickGranularity } from "../api/operations";
import { GRANULARITIES, RANGES, granularityFits, timeZones, type RangeKey } from "../lib/ranges";

export interface RangeValue {
  range: RangeKey;
  /** datetime-local values, for the custom range. */
  from: string;
  to: string;
  granularity: ClickGranularity;
  timezone: string;
}

/** Resolves the picker to instants; presets end now (and so stay live). */
export function resolveRange(value: RangeValue): { from: string; to: string | null; spanMs: number; live: boolean } {
  const preset = RANGES.find((range) => range.key === value.range)!;
  if (value.range !== "custom") return { from: new Date(Date.now() - preset.ms).toISOString(), to: null, spanMs: preset.ms, live: true };
  const from = value.from ? new Date(value.from) : new Date(Date.now() - 7 * 86_400_000);
  const to = value.to ? new Date(value.to) : new Date();
  return { from: from.toISOString(), to: to.toISOString(), spanMs: Math.max(0, to.getTime() - from.getTime()), live: to.getTime() >= Date.now() };
}

export function RangePicker({
  value,
  onChange,
  granularity = true,
}: {
  value: RangeValue;
  onChange: (value: RangeValue) => void;
  granularity?: boolean;
}) {
  const span = resolveRange(value).spanMs;
  const set = (patch: Partial<RangeValue>) => {
    const next = { ...value, ...patch };
    if (patch.range && patch.range !== "custom") next.granularity = RANGES.find((range) => range.key === patch.range)!.granularity;
    const nextSpan = resolveRange(next).spanMs;
    if (!granularityFits(next.granularity, nextSpan)) next.granularity = GRANULARITIES.find(([g]) => granularityFits(g, nextSpan))?.[0] ?? "MONTH";
    onChange(next);
  };
  return (
    <form class="toolbar" aria-label="Chart options" onSubmit={(event) => event.preventDefault()}>
      <label>
        Range
        <select value={value.range} onChange={(event) => set({ range: event.currentTarget.value as RangeKey })}>
          {RANGES.map((range) => (
            <option value={range.key} key={range.key}>
              {range.label}
            </option>
          ))}
        </select>
      </label>
      {value.range === "custom" ? (
        <>
          <label>
            From
            <input type="datetime-local" value={value.from} onChange={(event) => set({ from: event.currentTarget.value })} />
          </label>
          <label>
            To
            <input type="datetime-local" value={value.to} onChange={(event) => set({ to: event.currentTarget.value })} />
          </label>
        </>
      ) : null}
      {granularity ? (
        <>
          <label>
            Granularity
            <select value={value.granularity} onChange={(event) => set({ granularity: event.currentTarget.value as ClickGranularity })}>
              {GRANULARITIES.map(([key, label]) => (
                <option value={key} key={key} disabled={!granularityFits(key, span)}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Time zone
            <select value={value.timezone} onChange={(event) => set({ timezone: event.currentTarget.value })}>
              {timeZones(value.timezone).map((zone) => (
                <option value={zone} key={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
    </form>
  );
}
