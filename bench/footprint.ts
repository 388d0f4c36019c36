// `npm run bench:footprint` (also part of `npm run bench`): what the production build costs to run —
// start-up time to /readyz, resident memory idle after start and idle after 10k redirects, on
// PostgreSQL and on the embedded database, and the Docker image's size when one is at hand
// (BENCH_IMAGE=linkgraph:ci with DOCKER_HOST set, e.g. inside .ci/docker/e2e.sh). Runs `node
// dist/server/server.js` exactly as the image does (build first: `npm run build`). Loopback only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type { BenchmarkRow } from "./redirect.js";
import { benchPort, root, signUpAndCreateLinks } from "./lib/processes.js";
import { createScratchDatabase } from "./lib/scratch-db.js";

const GOALS = { rssMiB: 150, startupMs: 2000, imageMB: 250 };
const port = Number(process.env.BENCH_FOOTPRINT_PORT ?? benchPort(11));

/** CPU time the process has used (user + system), which unlike wall time does not grow with others' load. */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
};
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Running {
  child: ChildProcess;
  url: string;
  startupMs: number;
  startupCpuMs: number;
  stop(): Promise<void>;
}

/** `node dist/server/server.js`, timed from spawn to the first 200 from /readyz. */
async function startBuilt(env: Record<string, string>): Promise<Running> {
  const started = performance.now();
  const child = spawn(process.execPath, ["dist/server/server.js"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: "warn",
      JWT_SECRET: "bench-secret-bench-secret-bench-secret!!",
      PERSISTED_QUERIES_ONLY: "false",
      RATE_LIMIT_REDIRECTS_PER_MINUTE: "0",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (performance.now() - started > 180_000) {
      child.kill("SIGKILL");
      throw new Error("the server did not become ready in 180 s");
    }
    await sleep(10);
  }
  const startupMs = performance.now() - started;
  return {
    child,
    url,
    startupMs,
    startupCpuMs: cpuMs(child.pid!),
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))),
  };
}

async function measure(label: string, env: () => Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>) {
  const setup = await env();
  try {
    // Start-up: the first start migrates an empty database; later starts find it up to date.
    const starts: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 4; i++) {
      const server = await startBuilt(setup.env);
      starts.push(server.startupMs);
      cpu.push(server.startupCpuMs);
      await server.stop();
    }
    const server = await startBuilt(setup.env);
    try {
      await sleep(3000);
      const idle = rssMiB(server.child.pid!);
      const { slugs } = await signUpAndCreateLinks(server.url, 1);
      const userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
      const result = await autocannon({ url: `${server.url}/${slugs[0]}`, connections: 20, amount: 10_000, headers: { "user-agent": userAgent } });
      const redirects = result["3xx"];
      await sleep(5000); // clicks flushed, load over
      const afterLoad = rssMiB(server.child.pid!);
      return {
        label,
        firstStartMs: Math.round(starts[0]!),
        restartMs: Math.round(median(starts.slice(1))),
        restartCpuMs: Math.round(median(cpu.slice(1))),
        loadAverage: loadavg()[0] ?? 0,
        idleMiB: Math.round(idle),
        afterRedirectsMiB: Math.round(afterLoad),
        redirects,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await setup.cleanup();
  }
}

function imageSizeMB(): number | undefined {
  const image = process.env.BENCH_IMAGE;
  if (!image) return undefined;
  const docker = existsSync("/usr/bin/docker") ? "/usr/bin/docker" : "docker";
  const inspected = spawnSync(docker, ["image", "inspect", "-f", "{{.Size}}", image], { encoding: "utf8" });
  return inspected.status === 0 ? Math.round(Number(inspected.stdout.trim()) / 1e6) : undefined;
}

export async function benchFootprint(): Promise<BenchmarkRow[]> {
  if (!existsSync(path.join(root, "dist/server/server.js"))) throw new Error("run `npm run build` first: this measures dist/");
  const postgres = await measure("PostgreSQL", async () => {
    const db = await createScratchDatabase("footprint");
    return { env: { NODE_ENV: "production", DATABASE_URL: db.url }, cleanup: () => db.drop() };
  });
  const embedded = await measure("embedded (PGlite)", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "linkgraph-footprint-"));
    return { env: { NODE_ENV: "development", DATA_DIR: dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  });
  const image = imageSizeMB();
  const rows: BenchmarkRow[] = [
    {
      name: "idle RSS after start / after 10k redirects, PostgreSQL",
      goal: `≤ ${GOALS.rssMiB} MiB`,
      result: `${postgres.idleMiB} / ${postgres.afterRedirectsMiB} MiB`,
      ratio: Math.max(postgres.idleMiB, postgres.afterRedirectsMiB) / GOALS.rssMiB,
      met: Math.max(postgres.idleMiB, postgres.afterRedirectsMiB) <= GOALS.rssMiB,
      detail: postgres,
    },
    {
      name: "idle RSS after start / after 10k redirects, embedded",
      goal: "(what PGlite adds)",
      result: `${embedded.idleMiB} / ${embedded.afterRedirectsMiB} MiB (+${embedded.idleMiB - postgres.idleMiB} MiB idle)`,
      ratio: embedded.idleMiB / postgres.idleMiB,
      met: true,
      detail: embedded,
    },
    {
      name: "start-up to /readyz (restart / first start with migrations), PostgreSQL",
      goal: `≤ ${GOALS.startupMs} ms`,
      result: `${postgres.restartMs} / ${postgres.firstStartMs} ms (restart CPU ${postgres.restartCpuMs} ms; load ${postgres.loadAverage.toFixed(1)})`,
      ratio: postgres.restartMs / GOALS.startupMs,
      met: postgres.restartMs <= GOALS.startupMs,
      detail: postgres,
    },
    {
      name: "start-up to /readyz (restart / first start), embedded",
      goal: `≤ ${GOALS.startupMs} ms`,
      result: `${embedded.restartMs} / ${embedded.firstStartMs} ms (restart CPU ${embedded.restartCpuMs} ms)`,
      ratio: embedded.restartMs / GOALS.startupMs,
      met: embedded.restartMs <= GOALS.startupMs,
      detail: embedded,
    },
  ];
  rows.push({
    name: "runtime image size",
    goal: `≤ ${GOALS.imageMB} MB`,
    result: image === undefined ? "not measured (set BENCH_IMAGE and DOCKER_HOST)" : `${image} MB`,
    ratio: (image ?? 0) / GOALS.imageMB,
    met: image !== undefined && image <= GOALS.imageMB,
    detail: { image: process.env.BENCH_IMAGE ?? null, sizeMB: image ?? null },
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchFootprint();
  console.table(rows.map((row) => ({ benchmark: row.name, result: row.result, goal: row.goal, met: row.met ? "yes" : "NO" })));
}
