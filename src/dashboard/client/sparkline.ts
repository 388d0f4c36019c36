const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 140;
const HEIGHT = 30;

/** A small line-and-area chart of hourly clicks; redrawn in place. */
export function sparkline(values: number[], svg?: SVGSVGElement): SVGSVGElement {
  const chart = svg ?? document.createElementNS(SVG, "svg");
  chart.setAttribute("class", "sparkline");
  chart.setAttribute("width", String(WIDTH));
  chart.setAttribute("height", String(HEIGHT));
  chart.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", `${values.reduce((a, b) => a + b, 0)} clicks in the last ${values.length} hours`);
  chart.replaceChildren();
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : WIDTH;
  const points = values.map((value, i) => [i * step, HEIGHT - 2 - (value / max) * (HEIGHT - 4)] as const);
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("points", points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "));
  const area = document.createElementNS(SVG, "path");
  area.setAttribute("d", `M0,${HEIGHT} ${points.map(([x, y]) => `L${x.toFixed(1)},${y.toFixed(1)}`).join(" ")} L${WIDTH},${HEIGHT} Z`);
  chart.append(area, line);
  chart.dataset.values = values.join(",");
  return chart;
}
