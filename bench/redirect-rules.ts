// Redirect throughput of a link with 5 rules (none matching: every condition is evaluated) and of
// an A/B link (a 50/50 split: the sticky hash on every request) against a plain link, all on the
// same server in one run. Rounds rotate the order so drift on a shared machine hits every side.
// Run alone: `npx tsx bench/redirect-rules.ts`; `npm run bench` includes it (BENCH_ONLY=rules).
import { pathToFileURL } from "node:url";
import { load, type LoadResult } from "./lib/load.js";
import { graphql, signUpAndCreateLinks, startLinkgraph } from "./lib/processes.js";
import type { BenchmarkRow } from "./redirect.js";

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const CREATE = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { slug } } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Each could match someone; none matches the benchmark's desktop Chrome in English from nowhere.
const FIVE_RULES = [
  { conditions: { countries: ["DE", "AT", "CH"] }, url: "https://example.com/dach" },
  { conditions: { languages: ["fr", "es", "it"] }, url: "https://example.com/romance" },
  { conditions: { devices: ["MOBILE", "TABLET"] }, url: "https://example.com/mobile" },
  { conditions: { query: [{ name: "utm_source", value: "newsletter" }] }, url: "https://example.com/newsletter" },
  { conditions: { browsers: ["FIREFOX"], os: ["LINUX"], until: "2020-01-01T00:00:00Z" }, url: "https://example.com/old" },
];
const SPLIT = [
  {
    variants: [
      { url: "https://example.com/a", weight: 50 },
      { url: "https://example.com/b", weight: 50 },
    ],
  },
];

type Side = "plain" | "rules" | "ab";

export async function benchRedirectRules(options: { durationSeconds: number; connections: number; rounds?: number }): Promise<BenchmarkRow[]> {
  const rounds = options.rounds ?? 4;
  const server = await startLinkgraph(4105, { CLICK_COUNTRY_HEADER: "cf-ipcountry" });
  try {
    const { token, slugs } = await signUpAndCreateLinks(server.url, 1);
    const create = async (rules: unknown) =>
      (await graphql(server.url, CREATE, { input: { url: "https://example.com/plain", rules } }, token)).createLink.link.slug as string;
    const targets: Record<Side, string> = { plain: slugs[0]!, rules: await create(FIVE_RULES), ab: await create(SPLIT) };
    const headers = { "user-agent": BROWSER_UA, "accept-language": "en-US,en;q=0.9", "cf-ipcountry": "US" };
    const measure = (side: Side, durationSeconds = options.durationSeconds) =>
      load(`${server.url}/${targets[side]}?utm_source=ads`, { connections: options.connections, durationSeconds, headers });

    for (const side of ["plain", "rules", "ab"] as const) await measure(side, 1); // warm-up
    await sleep(1_000);
    const results: Record<Side, LoadResult[]> = { plain: [], rules: [], ab: [] };
    const orders: Side[][] = [
      ["plain", "rules", "ab"],
      ["ab", "plain", "rules"],
      ["rules", "ab", "plain"],
    ];
    for (let round = 0; round < rounds; round++) {
      for (const side of orders[round % orders.length]!) {
        results[side].push(await measure(side));
        await sleep(500);
      }
    }
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    };
    const row = (side: "rules" | "ab", name: string): BenchmarkRow => {
      // Per round: the side against the plain link measured in the same round.
      const ratios = results[side].map((r, i) => r.requestsPerSecond / results.plain[i]!.requestsPerSecond);
      const ratio = median(ratios);
      return {
        name,
        goal: "≥ 0.90×",
        ratio,
        met: ratio >= 0.9,
        detail: {
          connections: options.connections,
          rounds,
          roundRatios: ratios.map((r) => Number(r.toFixed(3))),
          plainRequestsPerSecond: results.plain.map((r) => r.requestsPerSecond),
          requestsPerSecond: results[side].map((r) => r.requestsPerSecond),
          p99Ms: results[side].map((r) => r.p99Ms),
          plainP99Ms: results.plain.map((r) => r.p99Ms),
          errors: results[side].reduce((sum, r) => sum + r.errors + r.non2xx3xx, 0),
        },
      };
    };
    return [
      row("rules", "redirect, link with 5 rules (none matching) vs a plain link"),
      row("ab", "redirect, A/B link (50/50 split, sticky hash) vs a plain link"),
    ];
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await benchRedirectRules({
    durationSeconds: Number(process.env.BENCH_DURATION_SECONDS ?? 5),
    connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
    rounds: Number(process.env.BENCH_ROUNDS ?? 4),
  });
  for (const row of rows) console.log(`${row.name}: ${row.ratio.toFixed(2)}× (goal ${row.goal}) ${JSON.stringify(row.detail)}`);
}
