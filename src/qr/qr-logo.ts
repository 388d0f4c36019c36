import http from "node:http";
import https from "node:https";
import { LRUCache } from "lru-cache";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { badInput } from "../platform/errors.js";
import { createAddressPolicy } from "../webhooks/address-policy.js";
import { guardedLookup } from "../webhooks/http-sender.js";

/** A logo ready to draw: its bytes (for SVG) and decoded pixels (for PNG). */
export interface Logo {
  mime: "image/png" | "image/jpeg";
  bytes: Buffer;
  width: number;
  height: number;
  /** RGBA, width × height × 4. */
  pixels: Uint8Array;
}

const MAX_LOGO_PIXELS = 1024 * 1024;
const FETCH_TIMEOUT_MS = 5_000;

/**
 * Logos come as data URIs or https URLs. Only PNG and JPEG (checked by their magic bytes, not by what
 * they claim), at most QR_LOGO_MAX_BYTES and a megapixel; URLs are fetched through the webhooks' SSRF
 * guard, without following redirects, and remembered for ten minutes.
 */
export function createLogoLoader(options: { maxBytes: number; allowedHosts: readonly string[]; allowHttp: boolean }) {
  const policy = createAddressPolicy(options.allowedHosts);
  const fetched = new LRUCache<string, Logo>({ max: 100, ttl: 600_000 });

  function decode(bytes: Buffer): Logo {
    if (bytes.length > options.maxBytes) throw badInput("logo", `logo: must be at most ${options.maxBytes} bytes`);
    if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
      // IHDR width and height, read before decoding anything.
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      if (width * height > MAX_LOGO_PIXELS) throw badInput("logo", "logo: must be at most one megapixel");
      try {
        const png = PNG.sync.read(bytes);
        return { mime: "image/png", bytes, width: png.width, height: png.height, pixels: png.data };
      } catch {
        throw badInput("logo", "logo: is not a readable PNG image");
      }
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
      try {
        const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 1, maxMemoryUsageInMB: 64 });
        return { mime: "image/jpeg", bytes, width: image.width, height: image.height, pixels: image.data };
      } catch {
        throw badInput("logo", "logo: is not a readable JPEG image (at most one megapixel)");
      }
    }
    throw badInput("logo", "logo: must be a PNG or JPEG image");
  }

  function download(url: URL): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const transport = url.protocol === "https:" ? https : http;
      const req = transport.get(url, {
        agent: false,
        lookup: guardedLookup(policy),
        timeout: FETCH_TIMEOUT_MS,
        headers: { "user-agent": "Linkgraph-QR/1" },
      });
      req.on("socket", (socket) => {
        socket.once("connect", () => {
          const reason = socket.remoteAddress ? policy.refusal(socket.remoteAddress) : "an unknown address";
          if (reason) req.destroy(new Error(`connected to ${reason}`));
        });
      });
      req.on("timeout", () => req.destroy(new Error("timed out")));
      req.on("error", (error) => reject(badInput("logo", `logo: could not be fetched (${error.message})`)));
      req.on("response", (res) => {
        if (res.statusCode !== 200) {
          res.destroy();
          return reject(badInput("logo", `logo: the URL answered ${res.statusCode} (redirects are not followed)`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            res.destroy();
            return reject(badInput("logo", `logo: must be at most ${options.maxBytes} bytes`));
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve(Buffer.concat(chunks)));
        res.on("error", reject);
      });
    });
  }

  return async function loadLogo(spec: string): Promise<Logo> {
    const data = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)$/.exec(spec);
    if (data) return decode(Buffer.from(data[2]!, "base64"));
    if (spec.startsWith("data:")) throw badInput("logo", "logo: data URIs must be base64 image/png or image/jpeg");
    let url: URL;
    try {
      url = new URL(spec);
    } catch {
      throw badInput("logo", "logo: must be an https URL or a data URI");
    }
    if (url.protocol !== "https:" && !(options.allowHttp && url.protocol === "http:")) throw badInput("logo", "logo: URLs must be https");
    if (url.username || url.password) throw badInput("logo", "logo: URLs must not carry credentials");
    const cached = fetched.get(url.href);
    if (cached) return cached;
    const logo = decode(await download(url));
    fetched.set(url.href, logo);
    return logo;
  };
}

export type LogoLoader = ReturnType<typeof createLogoLoader>;
