// Live counts at scale: N graphql-ws subscribers of one link's clickCounts on ONE server process
// (real PostgreSQL, scratch database), opened from two separate child processes
// (bench/live-subscribers.ts). Each sample is one redirect; its latency is the time from sending
// the redirect to a subscriber receiving the first message whose total includes it (all
// processes read the same machine clock). Also: the server's RSS with N subscribers open.
// With `instances: 2`, the redirects go to a second process and reach the subscribers' process
// through Redis (the local one, a scratch key prefix).
// What the latency consists of: waiting for the pipeline's next delta announcement
// (LIVE_COUNTS_INTERVAL_MS, 0–40 ms), pub/sub, then fan-out to N sockets (the first delivery to
// the last: "fanOut" below). The ratio is against the goal (p99 ≤ 100 ms): 100 / p99.
// Run alone: `npx tsx bench/live-counts.ts`; `npm run bench` includes it.
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { benchPort, graphql, signUpAndCreateLinks, startLinkgraph } from "./lib/processes.js";
import { createScratchDatabase } from "./lib/scratch-db.js";
import type { BenchmarkRow } from "./redirect.js";

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const GOAL_P99_MS = 100;
const GOAL_RSS_BYTES = 2 ** 30;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

export interface LiveCountsOptions {
  /** Subscriber counts, one run (and server) each. */
  sizes: number[];
  /** Redirects measured per size. */
  samples: number;
  /** Server settings for the run, e.g. a shorter CLICK_FLUSH_INTERVAL_MS. */
  env?: Record<string, string>;
  label?: string;
  /** 2: redirects served by another process, announced through Redis. */
  instances?: 1 | 2;
}

export async function benchLiveCounts(options: LiveCountsOptions): Promise<BenchmarkRow[]> {
  const rows: BenchmarkRow[] = [];
  for (const size of options.sizes) rows.push(await runOne(size, options));
  return rows;
}

async function runOne(size: number, options: LiveCountsOptions): Promise<BenchmarkRow> {
  const database = await createScratchDatabase("live");
  const flushMs = Number(options.env?.CLICK_FLUSH_INTERVAL_MS ?? 1_000);
  const twoInstances = options.instances === 2;
  const shared = {
    DATABASE_URL: database.url,
    NODE_ENV: "production",
    // Every subscriber is the same user here.
    LIVE_MAX_WEBSOCKETS_PER_USER: "100000",
    ...(twoInstances
      ? { REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379", REDIS_KEY_PREFIX: `bench:live:${process.pid}:${Date.now()}:` }
      : {}),
    ...options.env,
  };
  const server = await startLinkgraph(benchPort(6), shared);
  const redirector = twoInstances ? await startLinkgraph(benchPort(7), shared) : server;
  const children: ChildProcess[] = [];
  try {
    const { token, slugs } = await signUpAndCreateLinks(server.url, 1);
    const link = await graphql(
      server.url,
      `
        query ($slug: String!) {
          link(slug: $slug) {
            id
          }
        }
      `,
      { slug: slugs[0] },
      token,
    );
    const rssBefore = rssOf(server.child.pid!);

    // Two subscriber processes, half the sockets each.
    const halves = [Math.ceil(size / 2), Math.floor(size / 2)].filter((n) => n > 0);
    const connectStarted = now();
    const ready = halves.map((n) => {
      const child = fork(new URL("./live-subscribers.ts", import.meta.url), [], {
        execArgv: ["--import", "tsx"],
        env: {
          ...process.env,
          LIVE_URL: `${server.url.replace("http", "ws")}/graphql`,
          LIVE_TOKEN: token,
          LIVE_LINK_ID: link.link.id,
          SUBSCRIBERS: String(n),
        },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      children.push(child);
      return nextMessage(child, "ready", 600_000);
    });
    const readyMessages = await Promise.all(ready);
    const connectSeconds = (now() - connectStarted) / 1000;
    await sleep(1_000);
    const rssConnected = rssOf(server.child.pid!);

    let total = Math.max(...readyMessages.map((m) => m.total as number));
    // Warm-up, not measured: the link's first redirect loads it into the link cache.
    await fetch(`${redirector.url}/${slugs[0]}`, { redirect: "manual", headers: { "user-agent": "bench warm-up bot" } });
    const latencies: number[] = [];
    const firstDeliveries: number[] = [];
    const fanOuts: number[] = [];
    let timedOut = 0;
    for (let sample = 0; sample < options.samples; sample++) {
      // A random phase against the flush timer, so the samples see its whole interval.
      await sleep(Math.random() * flushMs + 300);
      total += 1;
      for (const child of children) child.send({ type: "expect", total });
      const delivered = children.map((child) => nextMessage(child, "delivered", 15_000));
      const sentAt = now();
      const response = await fetch(`${redirector.url}/${slugs[0]}`, { redirect: "manual", headers: { "user-agent": BROWSER_UA } });
      if (response.status !== 302 && response.status !== 301) throw new Error(`redirect answered ${response.status}`);
      try {
        const times = (await Promise.all(delivered)).flatMap((m) => m.times as number[]).sort((a, b) => a - b);
        for (const time of times) latencies.push(time - sentAt);
        firstDeliveries.push(times[0]! - sentAt);
        fanOuts.push(times[times.length - 1]! - times[0]!);
      } catch {
        timedOut++;
      }
    }
    const rssAfter = rssOf(server.child.pid!);
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 0.5);
    const p99 = percentile(latencies, 0.99);
    const peakRss = Math.max(rssConnected, rssAfter);
    const met = timedOut === 0 && p99 <= GOAL_P99_MS && peakRss <= GOAL_RSS_BYTES;
    return {
      name: `live counts: ${size.toLocaleString("en")} graphql-ws subscriber${size === 1 ? "" : "s"}, ${twoInstances ? "redirects on a 2nd process, through Redis" : "one process"}${options.label ? ` (${options.label})` : ""}`,
      goal: `p99 ≤ ${GOAL_P99_MS} ms, RSS ≤ 1 GiB`,
      ratio: GOAL_P99_MS / p99,
      met,
      detail: {
        subscribers: size,
        samples: options.samples,
        deliveries: latencies.length,
        timedOutSamples: timedOut,
        p50Ms: round(p50),
        p99Ms: round(p99),
        maxMs: round(latencies[latencies.length - 1] ?? NaN),
        firstDeliveryP50Ms: round(
          percentile(
            [...firstDeliveries].sort((a, b) => a - b),
            0.5,
          ),
        ),
        fanOutP50Ms: round(
          percentile(
            [...fanOuts].sort((a, b) => a - b),
            0.5,
          ),
        ),
        fanOutMaxMs: round(Math.max(...fanOuts)),
        flushIntervalMs: flushMs,
        connectSeconds: round(connectSeconds),
        serverRssMiB: { idle: mib(rssBefore), subscribed: mib(rssConnected), afterSamples: mib(rssAfter) },
        serverRssPerSubscriberKiB: round((rssConnected - rssBefore) / size / 1024),
      },
    };
  } finally {
    for (const child of children) if (child.connected) child.send({ type: "close" });
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
    await server.stop();
    if (redirector !== server) await redirector.stop();
    await database.drop();
  }
}

function nextMessage(child: ChildProcess, type: string, timeoutMs: number): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ${type} message within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: Record<string, any>) => {
      if (message.type !== type) return;
      done();
      resolve(message);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`subscriber process exited with ${code}`));
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

/** Resident set size of a process on this machine (Linux /proc). */
function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : NaN;
}

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
const round = (n: number) => Math.round(n * 10) / 10;
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sizes = (process.env.BENCH_LIVE_SUBSCRIBERS ?? "1,10000").split(",").map(Number);
  const samples = Number(process.env.BENCH_LIVE_SAMPLES ?? 20);
  const rows = await benchLiveCounts({ sizes, samples });
  rows.push(...(await benchLiveCounts({ sizes: [Math.max(...sizes)], samples, instances: 2 })));
  for (const row of rows)
    console.log(`${row.name}: ${row.ratio.toFixed(2)}× (goal ${row.goal}) ${row.met ? "met" : "NOT met"} ${JSON.stringify(row.detail)}`);
}
