import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatDateTime, formatNumber } from "../lib/format";

export interface Bucket {
  start: string;
  clicks: number;
}

/**
 * Clicks per bucket as bars (uPlot, canvas), with the same numbers in a table for screen
 * readers and keyboard users. Axis labels are in the chosen time zone.
 */
export function TimeSeriesChart({ buckets, timezone, label }: { buckets: Bucket[]; timezone: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const total = buckets.reduce((sum, bucket) => sum + bucket.clicks, 0);

  useEffect(() => {
    const element = container.current!;
    const data: uPlot.AlignedData = [buckets.map((b) => Date.parse(b.start) / 1000), buckets.map((b) => b.clicks)];
    const accent = getComputedStyle(document.documentElement).getPropertyValue("--accent").trim() || "#2f5bd8";
    const ink = getComputedStyle(document.documentElement).getPropertyValue("--muted").trim() || "#555";
    plot.current?.destroy();
    plot.current = new uPlot(
      {
        width: Math.max(element.clientWidth, 200),
        height: 260,
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), timezone),
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        axes: [
          { stroke: ink, grid: { stroke: "rgba(128,128,128,.15)" } },
          {
            stroke: ink,
            grid: { stroke: "rgba(128,128,128,.15)" },
            values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? formatNumber(v) : "")),
          },
        ],
        series: [
          {},
          { label: "Clicks", stroke: accent, fill: `${accent}55`, width: 1, paths: uPlot.paths.bars!({ size: [0.8, 40] }), points: { show: false } },
        ],
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(element.clientWidth, 200), height: 260 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [buckets, timezone]);

  return (
    <figure class="chart" data-total={total} data-buckets={buckets.length}>
      <figcaption>{label}</figcaption>
      <div ref={container} class="chart-canvas" aria-hidden="true" />
      <details class="chart-table">
        <summary>Show as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" class="num">
                Clicks
              </th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((bucket) => (
              <tr key={bucket.start}>
                <td>{formatDateTime(bucket.start, timezone)}</td>
                <td class="num">{formatNumber(bucket.clicks)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
