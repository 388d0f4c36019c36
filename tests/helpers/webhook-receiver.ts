import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer (until the connection is closed by the sender). */
  hang?: boolean;
}

/** A real HTTP endpoint on loopback that records what it receives and answers as told. */
export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  reply(handler: (request: ReceivedRequest, index: number) => Reply | Promise<Reply>): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startReceiver(path = "/hooks"): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let handler: (request: ReceivedRequest, index: number) => Reply | Promise<Reply> = () => ({ status: 204 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const request = { method: req.method ?? "", path: req.url ?? "", headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      const index = requests.push(request) - 1;
      const reply = await handler(request, index);
      if (reply.hang) return;
      res.writeHead(reply.status ?? 204, reply.headers);
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    requests,
    reply: (next) => void (handler = next),
    async waitFor(count, timeoutMs = 15_000) {
      await until(
        () => requests.length >= count,
        timeoutMs,
        () => `${requests.length} of ${count} webhook requests arrived`,
      );
      return requests.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `condition` holds; fails with `describe()` after the deadline. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000, describe = () => "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
