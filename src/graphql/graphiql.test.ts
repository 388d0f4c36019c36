import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

// Defect 16 of issue 10: GraphiQL was one 9 MB uncompressed page with no hint how to authenticate,
// and a browser opening /graphql in production got a raw CSRF 403.

/** A GET that keeps the bytes as sent (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

describe("GraphiQL (development)", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ GRAPHIQL: "true" });
  });
  afterAll(() => test.close());

  it("is a small page whose assets come compressed and cached for a year under content-hashed names", async () => {
    const page = await rawGet(`${test.baseUrl}/graphql`, { ...BROWSER, "accept-encoding": "gzip, deflate, br" });
    expect(page.status).toBe(200);
    expect(page.body.length).toBeLessThan(10_000); // was 9 MB
    const html = page.body.toString();
    const assets = [...html.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);

    let uncompressed = 0;
    let transferredBrotli = 0;
    let transferredGzip = 0;
    for (const asset of assets) {
      expect(asset).toMatch(/\.[0-9a-f]{16}\.(js|css|ico)$/);
      const plain = await rawGet(`${test.baseUrl}${asset}`);
      expect(plain.status).toBe(200);
      expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      uncompressed += plain.body.length;
      const br = await rawGet(`${test.baseUrl}${asset}`, { "accept-encoding": "gzip, deflate, br" });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers.vary).toMatch(/Accept-Encoding/);
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      transferredBrotli += br.body.length;
      const gz = await rawGet(`${test.baseUrl}${asset}`, { "accept-encoding": "gzip" });
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
      transferredGzip += gz.body.length;
      const revalidated = await rawGet(`${test.baseUrl}${asset}`, { "if-none-match": String(plain.headers.etag) });
      expect(revalidated.status).toBe(304);
      expect(revalidated.body.length).toBe(0);
    }
    // Workers are loaded by URL from the page's boot script, not listed as tags: count them too.
    expect(uncompressed).toBeGreaterThan(5_000_000);
    expect(transferredBrotli).toBeLessThan(uncompressed / 3);
    expect(transferredGzip).toBeLessThan(uncompressed / 3);
  }, 120_000);

  it("prefills a Headers hint and says how to authenticate; the empty Authorization it sends is accepted", async () => {
    const html = (await rawGet(`${test.baseUrl}/graphql`, BROWSER)).body.toString();
    expect(html).toContain('\\"Authorization\\": \\"\\"');
    expect(html).toContain("Bearer \\u003caccessToken>"); // "<" escaped inside the page's script
    const response = await fetch(`${test.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "" },
      body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
    });
    expect((await response.json()).data.__schema.queryType.name).toBe("Query");
  });

  it("serves the editor workers the page asks for", async () => {
    const html = (await rawGet(`${test.baseUrl}/graphql`, BROWSER)).body.toString();
    const boot = /src="(\/static\/graphiql-boot\.[^"]+)"/.exec(html)![1]!;
    const script = (await rawGet(`${test.baseUrl}${boot}`)).body.toString();
    const workers = [...script.matchAll(/"(\/static\/[^"]+worker[^"]+)"/g)].map((match) => match[1]!);
    expect(workers).toHaveLength(3);
    for (const worker of workers) expect((await rawGet(`${test.baseUrl}${worker}`)).status).toBe(200);
    expect((await rawGet(`${test.baseUrl}/static/graphiql.0000000000000000.js`)).status).toBe(404);
  });
});

describe("GraphiQL turned off (the production default)", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ GRAPHIQL: "false" });
  });
  afterAll(() => test.close());

  it("a browser opening /graphql gets a page saying how to use the API, not a CSRF 403 JSON", async () => {
    const response = await rawGet(`${test.baseUrl}/graphql`, BROWSER);
    expect(response.status).toBe(406);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    const html = response.body.toString();
    expect(html).toContain("GraphiQL");
    expect(html).toContain("POST /graphql");
    expect(html).toContain("x-graphql-csrf");
  });

  it("API clients still get the CSRF rule and GET queries as before", async () => {
    expect((await rawGet(`${test.baseUrl}/graphql?query=%7B__typename%7D`, { accept: "application/json" })).status).toBe(403);
    const ok = await rawGet(`${test.baseUrl}/graphql?query=%7B__typename%7D`, { accept: "application/json", "x-graphql-csrf": "1" });
    expect(JSON.parse(ok.body.toString()).data).toEqual({ __typename: "Query" });
  });
});
