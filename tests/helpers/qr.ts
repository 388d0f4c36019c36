import jsqrModule from "jsqr";
import { PNG } from "pngjs";

// jsqr is CommonJS with an ES-style default export: take the function whichever way it arrives.
const jsQR = ((jsqrModule as unknown as { default?: unknown }).default ?? jsqrModule) as typeof jsqrModule.default;

/** Reads a QR code from PNG bytes the way a phone would: pixels in, text out (undefined: none found). */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
