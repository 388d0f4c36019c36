import { formatNumber } from "../lib/format";

export interface BarEntry {
  label: string;
  value: number;
  detail?: string;
}

/** A horizontal bar list: readable as text, no canvas needed. */
export function Bars({ title, entries, empty = "No clicks in this range." }: { title: string; entries: BarEntry[]; empty?: string }) {
  const max = Math.max(1, ...entries.map((entry) => entry.value));
  const id = `bars-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section class="card bars" aria-labelledby={id} data-breakdown={title}>
      <h3 id={id}>{title}</h3>
      {entries.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ol>
          {entries.map((entry) => (
            <li key={entry.label}>
              <span class="bar-label" title={entry.label}>
                {entry.label}
              </span>
              <span class="bar-track" aria-hidden="true">
                <span class="bar-fill" style={{ width: `${(entry.value / max) * 100}%` }} />
              </span>
              <span class="num">
                {formatNumber(entry.value)}
                {entry.detail ? <span class="muted"> {entry.detail}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
