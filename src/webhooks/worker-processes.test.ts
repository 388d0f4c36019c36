import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabase, type TestApp } from "../../tests/helpers/test-app.js";
import {
  CREATE_LINK,
  CREATE_WEBHOOK,
  createLink,
  createWebhook,
  startReceiver,
  startWebhookTestApp,
  until,
  WEBHOOK_TEST_ENV,
} from "../../tests/helpers/webhooks.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../platform/logger.js";
import { createWebhookWorker } from "./worker.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const embedded = testDatabase() === "embedded";

interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/** `npm run webhook-worker`, as a real process (node + tsx, so a signal reaches the worker itself). */
function spawnWorker(databaseUrl: string, env: Record<string, string>): WorkerProcess {
  return spawnEntry("src/webhooks/worker-main.ts", { DATABASE_URL: databaseUrl, ...env });
}

function spawnEntry(entry: string, env: Record<string, string>): WorkerProcess {
  const { DATABASE_URL: _ignored, REDIS_URL: _none, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: repoRoot,
    env: { ...inherited, NODE_ENV: "test", LOG_LEVEL: "info", ...WEBHOOK_TEST_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  running.push(child);
  return { child, output, exited };
}

const running: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(events: number) {
  const test = await startWebhookTestApp({ WEBHOOK_WORKER: "false" });
  const receiver = await startReceiver();
  cleanups.push(
    () => test.close(),
    () => receiver.close(),
  );
  const { token } = await test.signUp();
  const { webhook } = await createWebhook(test, token, { url: receiver.url });
  for (let i = 0; i < events; i++) await createLink(test, token);
  const webhookId = Buffer.from(webhook.id, "base64url").toString().split(":")[1]!;
  return { test, receiver, webhookId };
}

const eventIdOf = (request: { headers: Record<string, string> }) => request.headers["webhook-id"]!;
const deliveries = (test: TestApp, webhookId: string) =>
  test.app.services.db.webhookDelivery.findMany({ where: { webhookId }, include: { attemptLog: { orderBy: { number: "asc" } } } });

describe.skipIf(embedded)("a worker process killed mid-delivery (SIGKILL)", () => {
  it("is restarted and then delivers exactly the events that were missing", async () => {
    const { test, receiver, webhookId } = await setUp(10);
    let hanging = true;
    // The first four are acknowledged; the next two are held open, so the worker (2 at a time)
    // is in the middle of both when it is killed.
    receiver.reply((_request, index) => (index < 4 || !hanging ? { status: 200 } : { hang: true }));
    const env = { WEBHOOK_CONCURRENCY: "2", WEBHOOK_TIMEOUT_MS: "3000" };

    const first = spawnWorker(test.databaseUrl!, env);
    await receiver.waitFor(6, 30_000);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(first.child.signalCode).toBe("SIGKILL");

    const acknowledged = receiver.requests.slice(0, 4).map(eventIdOf);
    const interrupted = receiver.requests.slice(4, 6).map(eventIdOf);
    const atCrash = await deliveries(test, webhookId);
    expect(
      atCrash
        .filter((d) => d.status === "DELIVERED")
        .map((d) => d.eventId)
        .sort(),
    ).toEqual([...acknowledged].sort());
    expect(atCrash.filter((d) => d.status === "PENDING")).toHaveLength(6);

    hanging = false;
    const second = spawnWorker(test.databaseUrl!, env);
    await until(
      async () => (await deliveries(test, webhookId)).every((d) => d.status === "DELIVERED"),
      30_000,
      () => second.output.join(""),
    );
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const received = receiver.requests.map(eventIdOf);
    expect(new Set(received).size).toBe(10);
    expect(received).toHaveLength(12);
    // Sent twice: only the two the dead worker never heard back from; nothing acknowledged again.
    const twice = [...new Set(received.filter((id, i) => received.indexOf(id) !== i))];
    expect(twice.sort()).toEqual([...interrupted].sort());
    for (const delivery of await deliveries(test, webhookId)) {
      if (interrupted.includes(delivery.eventId)) {
        expect(delivery.attemptLog.map((a) => [a.number, a.responseStatus, a.finishedAt === null])).toEqual([
          [1, null, true],
          [2, 200, false],
        ]);
      } else {
        expect(delivery.attemptLog.map((a) => a.number)).toEqual([1]);
      }
    }
  });
});

describe("two workers at once", () => {
  it("never send the same attempt twice", async () => {
    const { test, receiver, webhookId } = await setUp(30);
    // Hold the answers until six requests are open at once: more than one worker's concurrency
    // (3), so both workers are provably sending at the same time.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    receiver.reply(async (_request, index) => {
      if (index === 5) open();
      await gate;
      return { status: 200 };
    });

    // A generous timeout: the first worker's requests wait at the gate until the second one starts.
    const env = { WEBHOOK_CONCURRENCY: "3", WEBHOOK_TIMEOUT_MS: "30000" };
    if (embedded) {
      // One PGlite session cannot be shared across processes: run both workers in this process.
      const config = loadConfig({ NODE_ENV: "test", DATA_DIR: "memory://", LOG_LEVEL: "silent", ...WEBHOOK_TEST_ENV, ...env });
      const workers = ["worker-a", "worker-b"].map((id) =>
        createWebhookWorker({ db: test.app.services.db, config, log: createLogger("silent") }, { id }),
      );
      workers.forEach((worker) => worker.start());
      cleanups.push(async () => void (await Promise.all(workers.map((worker) => worker.stop()))));
    } else {
      spawnWorker(test.databaseUrl!, env);
      spawnWorker(test.databaseUrl!, env);
    }

    await until(async () => (await deliveries(test, webhookId)).every((d) => d.status === "DELIVERED"), 30_000);
    const received = receiver.requests.map(eventIdOf);
    expect(received).toHaveLength(30);
    expect(new Set(received).size).toBe(30);
    const attempts = (await deliveries(test, webhookId)).flatMap((d) => d.attemptLog);
    expect(attempts).toHaveLength(30);
    expect(attempts.every((a) => a.number === 1 && a.responseStatus === 200)).toBe(true);
    expect(new Set(attempts.map((a) => a.workerId)).size).toBe(2);
  });
});

describe.runIf(embedded)("the server on its embedded database, killed mid-delivery (SIGKILL)", () => {
  it("delivers exactly the missing events after it restarts on the same data directory", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "linkgraph-webhooks-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    let hanging = true;
    receiver.reply((_request, index) => (index < 4 || !hanging ? { status: 200 } : { hang: true }));
    const env = { DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", WEBHOOK_CONCURRENCY: "2", WEBHOOK_TIMEOUT_MS: "3000" };

    const startServer = async () => {
      const server = spawnEntry("src/server.ts", env);
      let baseUrl: string | undefined;
      await until(
        () => (baseUrl = /"address":"(http:[^"]+)"/.exec(server.output.join(""))?.[1]) !== undefined,
        60_000,
        () => server.output.join(""),
      );
      const gql = async (query: string, variables: object, token?: string) => {
        const response = await fetch(`${baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as { data: any; errors?: unknown };
      };
      return { server, gql };
    };

    const first = await startServer();
    const signUp = await first.gql(`mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { email: "partner@example.com", password: "correct horse battery" },
    });
    const token: string = signUp.data.signUp.accessToken;
    await first.gql(CREATE_WEBHOOK, { input: { url: receiver.url, events: ["LINK_CREATED"] } }, token);
    for (let i = 0; i < 10; i++) {
      const created = await first.gql(CREATE_LINK, { input: { url: `https://example.com/${i}` } }, token);
      expect(created.errors).toBeUndefined();
    }
    await receiver.waitFor(6, 30_000);
    first.server.child.kill("SIGKILL");
    await first.server.exited;
    const acknowledged = receiver.requests.slice(0, 4).map(eventIdOf);
    const interrupted = receiver.requests.slice(4, 6).map(eventIdOf);

    hanging = false;
    const second = await startServer();
    await receiver.waitFor(12, 30_000);
    const received = receiver.requests.map(eventIdOf);
    expect(new Set(received).size).toBe(10);
    const twice = [...new Set(received.filter((id, i) => received.indexOf(id) !== i))];
    expect(twice.sort()).toEqual([...interrupted].sort());
    expect(acknowledged.every((id) => received.filter((r) => r === id).length === 1)).toBe(true);

    second.server.child.kill("SIGTERM");
    expect(await second.server.exited).toBe(0);
    expect(receiver.requests).toHaveLength(12);
  });
});
