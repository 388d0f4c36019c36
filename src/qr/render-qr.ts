import QRCode from "qrcode";
import { PNG } from "pngjs";
import { rgba, type QrOptions } from "./qr-options.js";
import type { Logo } from "./qr-logo.js";

// The logo covers at most this share of the code's width (with ECL H, ~5% of its area: well inside what H repairs).
const LOGO_SHARE = 0.22;

interface Matrix {
  size: number;
  dark(row: number, column: number): boolean;
}

function matrixOf(content: string, options: QrOptions): Matrix {
  const { modules } = QRCode.create(content, { errorCorrectionLevel: options.ecl });
  return { size: modules.size, dark: (row, column) => Boolean(modules.get(row, column)) };
}

/** The logo's box in module units, centred, with a one-module pad of background around it. */
function logoBox(modules: number, margin: number, logo: Logo) {
  const side = modules * LOGO_SHARE;
  const scale = Math.min(side / logo.width, side / logo.height);
  const width = logo.width * scale;
  const height = logo.height * scale;
  const total = modules + 2 * margin;
  return { x: (total - width) / 2, y: (total - height) / 2, width, height, pad: 1 };
}

export function renderSvg(content: string, options: QrOptions, logo: Logo | null): string {
  const matrix = matrixOf(content, options);
  const total = matrix.size + 2 * options.margin;
  let path = "";
  for (let row = 0; row < matrix.size; row++) {
    for (let column = 0; column < matrix.size; column++) {
      if (matrix.dark(row, column)) path += `M${column + options.margin} ${row + options.margin}h1v1h-1z`;
    }
  }
  let overlay = "";
  if (logo) {
    const box = logoBox(matrix.size, options.margin, logo);
    overlay =
      `<rect x="${box.x - box.pad}" y="${box.y - box.pad}" width="${box.width + 2 * box.pad}" height="${box.height + 2 * box.pad}" fill="#${options.bg}"/>` +
      `<image x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" href="data:${logo.mime};base64,${logo.bytes.toString("base64")}"/>`;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" width="${options.size}" height="${options.size}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#${options.bg}"/><path fill="#${options.fg}" d="${path}"/>${overlay}</svg>`
  );
}

export function renderPng(content: string, options: QrOptions, logo: Logo | null): Buffer {
  const matrix = matrixOf(content, options);
  const total = matrix.size + 2 * options.margin;
  // Whole pixels per module (crisp edges); the image is then size × size with the remainder as extra margin.
  const scale = Math.max(1, Math.floor(options.size / total));
  const size = Math.max(options.size, scale * total);
  const offset = Math.floor((size - scale * total) / 2);
  const png = new PNG({ width: size, height: size });
  const fg = rgba(options.fg);
  const bg = rgba(options.bg);
  const data = png.data;
  for (let y = 0; y < size; y++) {
    const row = Math.floor((y - offset) / scale) - options.margin;
    for (let x = 0; x < size; x++) {
      const column = Math.floor((x - offset) / scale) - options.margin;
      const dark = y >= offset && x >= offset && row >= 0 && column >= 0 && row < matrix.size && column < matrix.size && matrix.dark(row, column);
      data.set(dark ? fg : bg, (y * size + x) * 4);
    }
  }
  if (logo) drawLogo(data, size, offset, scale, logoBox(matrix.size, options.margin, logo), logo, bg);
  return PNG.sync.write(png);
}

/** Pads the logo's box with the background, then blends the logo in (nearest-neighbour scaling, alpha over bg). */
function drawLogo(data: Buffer, size: number, offset: number, scale: number, box: ReturnType<typeof logoBox>, logo: Logo, bg: number[]) {
  const px = (modules: number) => Math.round(offset + modules * scale);
  const [left, top, right, bottom] = [px(box.x - box.pad), px(box.y - box.pad), px(box.x + box.width + box.pad), px(box.y + box.height + box.pad)];
  for (let y = Math.max(0, top); y < Math.min(size, bottom); y++)
    for (let x = Math.max(0, left); x < Math.min(size, right); x++) data.set(bg, (y * size + x) * 4);
  const [x0, y0, x1, y1] = [px(box.x), px(box.y), px(box.x + box.width), px(box.y + box.height)];
  for (let y = y0; y < y1; y++) {
    const sy = Math.min(logo.height - 1, Math.floor(((y - y0) / (y1 - y0)) * logo.height));
    for (let x = x0; x < x1; x++) {
      const sx = Math.min(logo.width - 1, Math.floor(((x - x0) / (x1 - x0)) * logo.width));
      const source = (sy * logo.width + sx) * 4;
      const target = (y * size + x) * 4;
      const alpha = logo.pixels[source + 3]! / 255;
      for (let channel = 0; channel < 3; channel++) {
        data[target + channel] = Math.round(logo.pixels[source + channel]! * alpha + data[target + channel]! * (1 - alpha));
      }
      data[target + 3] = 255;
    }
  }
}
