import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";

/**
 * A redis-server of the test's own, on its own port, that the test may kill, stop and restart
 * (never the shared one on 6379). No persistence: a restart comes back empty, as after a crash.
 */
export interface OwnRedis {
  url: string;
  /** SIGKILL: gone at once, and everything it held with it. */
  kill(): Promise<void>;
  /** Starts it again (empty) and waits until it answers. */
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT: a hung server that keeps its connections open. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startOwnRedis(port: number): Promise<OwnRedis> {
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;

  async function start() {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"], {
      stdio: "ignore",
    });
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    probe.on("error", () => {});
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await probe.connect();
        await probe.ping();
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
        probe.disconnect();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    probe.disconnect();
  }

  async function kill() {
    const dying = child;
    if (!dying || dying.exitCode !== null || dying.signalCode !== null) return;
    const exited = new Promise((resolve) => dying.once("exit", resolve));
    dying.kill("SIGKILL");
    await exited;
  }

  await start();
  return {
    url,
    kill,
    start,
    pause: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
    async close() {
      child?.kill("SIGCONT");
      await kill();
    },
  };
}
