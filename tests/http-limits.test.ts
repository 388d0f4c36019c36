import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./helpers/test-app.js";

// Defect 7 of issue 10: a refused body must end the connection, and slow requests must not be held
// for Node's default 300 s.

interface RawExchange {
  response: string;
  /** Bytes of body the client managed to hand to the kernel before the server closed the connection. */
  sent: number;
  closedAfterMs: number;
}

/** Sends `head`, then streams body bytes as fast as the server takes them until it closes (or `maxMs`). */
function rawRequest(port: number, head: string, options: { stream: boolean; maxMs: number }): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const started = performance.now();
    const chunk = Buffer.alloc(1 << 20, 97);
    let response = "";
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ response, sent, closedAfterMs: performance.now() - started });
    };
    const timer = setTimeout(finish, options.maxMs);
    const pump = () => {
      while (!done && options.stream && !socket.destroyed) {
        if (!socket.write(chunk, () => (sent += chunk.length))) return void socket.once("drain", pump);
      }
    };
    socket.on("connect", () => {
      socket.write(head);
      pump();
    });
    socket.on("data", (data) => (response += data.toString("latin1")));
    socket.on("end", finish);
    socket.on("close", finish);
    socket.on("error", finish);
  });
}

describe("request bodies and slow clients", () => {
  let test: TestApp;
  let port: number;
  beforeAll(async () => {
    test = await startTestApp({ REQUEST_TIMEOUT_MS: "2000", HEADERS_TIMEOUT_MS: "1000" });
    port = Number(new URL(test.baseUrl).port);
  });
  afterAll(() => test.close());

  it("answers 413 to a 10 GiB Content-Length with Connection: close and closes without reading the body", async () => {
    const head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n";
    const exchange = await rawRequest(port, head, { stream: true, maxMs: 10_000 });
    expect(exchange.response).toMatch(/^HTTP\/1\.1 413 /);
    expect(exchange.response).toMatch(/\r\nconnection: close\r\n/i);
    expect(exchange.response).toContain("PAYLOAD_TOO_LARGE");
    // Closed promptly, having taken no more than socket buffers' worth (on main: hundreds of MiB, still reading at 10 s).
    expect(exchange.closedAfterMs).toBeLessThan(5_000);
    expect(exchange.sent).toBeLessThan(64 << 20);
  });

  it("answers 411 to a chunked POST the same way", async () => {
    const head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    const exchange = await rawRequest(port, `${head}100000\r\n`, { stream: true, maxMs: 10_000 });
    expect(exchange.response).toMatch(/^HTTP\/1\.1 411 /);
    expect(exchange.closedAfterMs).toBeLessThan(5_000);
  });

  it("drops a request whose body trickles in beyond REQUEST_TIMEOUT_MS (408, not Node's 300 s)", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    const head = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`;
    const exchange = await rawRequest(port, head, { stream: false, maxMs: 10_000 });
    expect(exchange.response).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.closedAfterMs).toBeGreaterThan(1_500);
    expect(exchange.closedAfterMs).toBeLessThan(5_000);
  });

  it("drops a client that never finishes its headers after HEADERS_TIMEOUT_MS", async () => {
    const exchange = await rawRequest(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n", { stream: false, maxMs: 10_000 });
    expect(exchange.closedAfterMs).toBeLessThan(4_000);
  });

  it("keeps serving ordinary requests on kept-alive connections", async () => {
    for (let i = 0; i < 3; i++) expect((await test.gql("{ __typename }")).data).toEqual({ __typename: "Query" });
  });
});
