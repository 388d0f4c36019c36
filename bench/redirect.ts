import { load, type LoadResult } from "./lib/load.js";
import { benchPort, signUpAndCreateLinks, startLinkgraph, startProcess } from "./lib/processes.js";

export interface BenchmarkRow {
  name: string;
  goal: string;
  /** The headline figure when the goal is absolute (e.g. "23,000 clicks/s"); the ratio is then against the baseline. */
  result?: string;
  ratio: number;
  met: boolean;
  detail: Record<string, unknown>;
}

/**
 * Redirect throughput on a cache hit, against a bare node:http server answering 302 from a Map,
 * both as separate processes on this machine, measured one after the other with the same load.
 */
export async function benchRedirect(options: { durationSeconds: number; connections: number }): Promise<BenchmarkRow[]> {
  const baseline = await startProcess(
    [process.execPath, "--import", "tsx", "bench/baseline-redirect-server.ts"],
    { PORT: String(benchPort(1)) },
    benchPort(1),
    "/bench",
  );
  let bare: LoadResult;
  try {
    await load(`${baseline.url}/bench`, { ...options, durationSeconds: 1 }); // warm-up
    bare = await load(`${baseline.url}/bench`, options);
  } finally {
    await baseline.stop();
  }

  const app = await startLinkgraph(benchPort(2));
  let linkgraph: LoadResult;
  try {
    const { slugs } = await signUpAndCreateLinks(app.url, 1);
    await load(`${app.url}/${slugs[0]}`, { ...options, durationSeconds: 1 });
    linkgraph = await load(`${app.url}/${slugs[0]}`, options);
  } finally {
    await app.stop();
  }

  const ratio = linkgraph.requestsPerSecond / bare.requestsPerSecond;
  return [
    {
      name: "redirect (cache hit, clicks counted) vs bare node:http 302",
      goal: "≥ 0.80×",
      ratio,
      met: ratio >= 0.8,
      detail: { connections: options.connections, baseline: bare, linkgraph },
    },
  ];
}
