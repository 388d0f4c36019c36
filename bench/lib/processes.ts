import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));

/** Ports the bench's servers use: BENCH_PORT_BASE (4100) + offset, so parallel runs can keep apart. */
export const benchPort = (offset: number) => Number(process.env.BENCH_PORT_BASE ?? 4100) + offset;

export interface Started {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a node program and waits until `ready(url)` answers; the benchmark talks to it over loopback. */
export async function startProcess(command: string[], env: Record<string, string>, port: number, readyPath: string): Promise<Started> {
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}${readyPath}`, { redirect: "manual" });
      if (response.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${command.join(" ")} did not become ready`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Starts Linkgraph itself (`npm start`'s entry) on the embedded database, or BENCH_DATABASE_URL. */
export function startLinkgraph(port: number, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "linkgraph-bench-"));
  return startProcess(
    // BENCH_CPU_PROF_DIR=dir: each server writes a V8 CPU profile there when it stops (open in Chrome DevTools).
    [
      process.execPath,
      ...(process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []),
      "--import",
      "tsx",
      "src/server.ts",
    ],
    {
      PORT: String(port),
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      JWT_SECRET: "bench-secret-bench-secret-bench-secret!!",
      // All load comes from 127.0.0.1: limits that run on every request but never refuse, and
      // the set-up's own (non-persisted) operations allowed in production mode.
      RATE_LIMIT_REDIRECTS_PER_MINUTE: "1000000000",
      RATE_LIMIT_ANONYMOUS_POINTS: "1000000000",
      RATE_LIMIT_USER_POINTS: "1000000000",
      PERSISTED_QUERIES_ONLY: "false",
      ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : { NODE_ENV: "development" }),
      ...env,
    },
    port,
    "/readyz",
  );
}

export async function graphql(url: string, query: string, variables: object = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function signUpAndCreateLinks(url: string, count: number) {
  const email = `bench-${Date.now()}@example.com`;
  const session = await graphql(
    url,
    `
      mutation ($input: SignUpInput!) {
        signUp(input: $input) {
          accessToken
        }
      }
    `,
    {
      input: { email, password: "benchmark password" },
    },
  );
  const token = session.signUp.accessToken as string;
  const slugs: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await graphql(
      url,
      `
        mutation ($input: CreateLinkInput!) {
          createLink(input: $input) {
            link {
              slug
            }
          }
        }
      `,
      { input: { url: `https://example.com/${i}` } },
      token,
    );
    slugs.push(created.createLink.link.slug);
  }
  return { token, slugs };
}
