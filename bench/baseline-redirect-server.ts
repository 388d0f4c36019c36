// The baseline for redirect benchmarks: the least a Node.js server can do to answer a short link.
import http from "node:http";

const targets = new Map([["bench", "https://example.com/0"]]);
const port = Number(process.env.PORT ?? 4100);

http
  .createServer((req, res) => {
    const target = targets.get((req.url ?? "/").slice(1));
    if (!target) {
      res.writeHead(404);
      return void res.end();
    }
    res.writeHead(302, { location: target, "cache-control": "private, no-store" });
    res.end();
  })
  .listen(port, "127.0.0.1");
