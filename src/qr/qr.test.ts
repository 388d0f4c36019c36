import jsqrModule from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

// jsqr is CommonJS with an ES-style default export: take the function whichever way it arrives.
const jsQR = ((jsqrModule as unknown as { default?: unknown }).default ?? jsqrModule) as typeof jsqrModule.default;
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

/** Reads a QR code from PNG bytes the way a phone would: pixels in, text out. */
function decode(png: Buffer) {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

function logoDataUri(size = 48) {
  const logo = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) logo.data.set([220, 30, 30, 255], i * 4);
  return `data:image/png;base64,${PNG.sync.write(logo).toString("base64")}`;
}

describe("QR codes", () => {
  let test: TestApp;
  let token: string;
  let link: { id: string; slug: string; shortUrl: string };

  beforeAll(async () => {
    test = await startTestApp();
    token = (await test.signUp()).token;
    const created = await test.gql(`mutation { createLink(input: {url: "https://example.com/menu"}) { link { id slug shortUrl } } }`, {}, { token });
    link = created.data.createLink.link;
  });
  afterAll(() => test?.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${test.baseUrl}${path}`, { headers });

  it("serves a PNG that decodes to the short URL with the QR marker, with an ETag and caching", async () => {
    const response = await get(`/qr/${link.id}.png?size=300&margin=2&ecl=Q&fg=%23112233&bg=fff`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const png = Buffer.from(await response.arrayBuffer());
    expect(PNG.sync.read(png).width).toBe(300);
    expect(decode(png)).toBe(`${link.shortUrl}?qr=1`);

    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await get(`/qr/${link.id}.png?size=300&margin=2&ecl=Q&fg=%23112233&bg=fff`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    const other = await get(`/qr/${link.id}.png?size=301&margin=2&ecl=Q&fg=%23112233&bg=fff`, { "if-none-match": etag });
    expect(other.status).toBe(200);
  });

  it("still decodes with a centred logo (error correction forced to H), and serves SVG", async () => {
    const logo = logoDataUri();
    const result = await test.gql(
      `query ($slug: String!, $logo: String!) { link(slug: $slug) {
         png: qrCode(format: PNG, options: {size: 400, logo: $logo})
         svg: qrCode(format: SVG, options: {size: 256, errorCorrection: L})
       } }`,
      { slug: link.slug, logo },
      { token },
    );
    expect(result.errors).toBeUndefined();
    const { png, svg } = result.data.link;
    expect(png).toMatch(/^data:image\/png;base64,/);
    const bytes = Buffer.from(png.split(",")[1], "base64");
    const pixels = PNG.sync.read(bytes);
    const centre = ((pixels.height / 2) * pixels.width + pixels.width / 2) * 4;
    expect([...pixels.data.subarray(centre, centre + 3)]).toEqual([220, 30, 30]);
    expect(decode(bytes)).toBe(`${link.shortUrl}?qr=1`);

    expect(svg).toBe(`${test.app.services.config.publicBaseUrl}/qr/${link.id}.svg?size=256&margin=4&ecl=L&fg=000000&bg=ffffff`);
    const response = await get(new URL(svg).pathname + new URL(svg).search);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    const text = await response.text();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+" width="256"/);
  });

  it("refuses bad options and logos with BAD_USER_INPUT naming the field, and unknown links with 404", async () => {
    const cases: Array<[string, string]> = [
      [`size=10`, "size"],
      [`ecl=Z`, "ecl"],
      [`fg=red`, "fg"],
      [`fg=000&bg=000`, "fg"],
      [`logo=${encodeURIComponent("data:image/svg+xml;base64,PHN2Zz4=")}`, "logo"],
      [`logo=${encodeURIComponent(`data:image/png;base64,${Buffer.from("GIF89a not a png").toString("base64")}`)}`, "logo"],
      [`logo=${encodeURIComponent("http://127.0.0.1:1/logo.png")}`, "logo"],
    ];
    for (const [query, field] of cases) {
      const response = await get(`/qr/${link.id}.png?${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error, query).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect((await get(`/qr/TGluazowMDAwMDAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDA.png`)).status).toBe(404);
    expect((await get(`/qr/nonsense.png`)).status).toBe(404);
    expect((await get(`/qr/${link.id}.gif`)).status).toBe(404);
  });

  it("counts a scan as a click with source qr, apart from plain visits", async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    await fetch(`${test.baseUrl}/${link.slug}?qr=1`, { redirect: "manual", headers: { "user-agent": BROWSER } });
    await fetch(`${test.baseUrl}/${link.slug}?qr=1`, { redirect: "manual", headers: { "user-agent": `${BROWSER} 2` } });
    await fetch(`${test.baseUrl}/${link.slug}`, { redirect: "manual", headers: { "user-agent": BROWSER } });
    let breakdown: Array<{ value: string; clicks: number }> = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const result = await test.gql(
        `query ($slug: String!, $from: DateTime!) { link(slug: $slug) { clickBreakdown(by: SOURCE, from: $from) { value clicks } } }`,
        { slug: link.slug, from },
        { token },
      );
      breakdown = result.data.link.clickBreakdown;
      if (breakdown.reduce((sum, entry) => sum + entry.clicks, 0) === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(breakdown).toEqual([
      { value: "qr", clicks: 2 },
      { value: "link", clicks: 1 },
    ]);
  });
});
