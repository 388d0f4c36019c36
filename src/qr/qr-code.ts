import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Actor } from "../access/actor.js";
import { shortUrlOf } from "../domains/short-url.js";
import { findLinkFor } from "../links/find-links.js";
import { notFound } from "../platform/errors.js";
import { fromPublicId, toPublicId } from "../platform/public-id.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import type { LogoLoader } from "./qr-logo.js";
import { qrOptionsSchema, type QrOptions, type QrOptionsInput } from "./qr-options.js";
import { QR_MARKER } from "./qr-source.js";
import { renderPng, renderSvg } from "./render-qr.js";

export type QrFormat = "SVG" | "PNG";

export interface QrImage {
  contentType: string;
  body: Buffer;
  etag: string;
}

/** What a link's QR code encodes: its short URL with the QR marker, so scans count with source "qr". */
export const qrContent = (services: Parameters<typeof shortUrlOf>[0], link: { domainId: string; slug: string }) =>
  `${shortUrlOf(services, link)}?${QR_MARKER}`;

/**
 * Renders QR images, remembering recent ones (a printed code is fetched again and again). The ETag
 * is known before rendering: a revalidation costs no drawing.
 */
export function createQrRenderer(loadLogo: LogoLoader) {
  const rendered = new LRUCache<string, QrImage>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (image) => image.body.length + 100 });
  return {
    etagOf(content: string, format: QrFormat, options: QrOptions) {
      return `"${createHash("sha256")
        .update(JSON.stringify([content, format, options]))
        .digest("base64url")
        .slice(0, 27)}"`;
    },
    async render(content: string, format: QrFormat, options: QrOptions): Promise<QrImage> {
      const etag = this.etagOf(content, format, options);
      const cached = rendered.get(etag);
      if (cached) return cached;
      const logo = options.logo ? await loadLogo(options.logo) : null;
      const image: QrImage =
        format === "SVG"
          ? { contentType: "image/svg+xml", body: Buffer.from(renderSvg(content, options, logo)), etag }
          : { contentType: "image/png", body: renderPng(content, options, logo), etag };
      rendered.set(etag, image);
      return image;
    },
  };
}

export type QrRenderer = ReturnType<typeof createQrRenderer>;

/** Where a link's QR image is served (GET /qr/<id>.svg|png with the options as query parameters). */
export function qrImageUrl(publicBaseUrl: string, linkPublicId: string, format: QrFormat, options: QrOptions) {
  const query = new URLSearchParams({ size: String(options.size), margin: String(options.margin), ecl: options.ecl, fg: options.fg, bg: options.bg });
  if (options.logo && !options.logo.startsWith("data:")) query.set("logo", options.logo);
  return `${publicBaseUrl}/qr/${linkPublicId}.${format.toLowerCase()}?${query}`;
}

/**
 * Link.qrCode: a URL of the image (default), or the image itself as a data URI (`inline`, and always
 * when the logo is a data URI: it does not fit in a URL). `links.read` on the link.
 */
export async function linkQrCode(
  services: Pick<Services, "db" | "config" | "domains" | "qr">,
  actor: Actor,
  input: { linkId: string; format: QrFormat; inline?: boolean | null; options?: QrOptionsInput | null },
) {
  const options = parseInput(qrOptionsSchema, input.options ?? {});
  const link = await findLinkFor(services, actor, { id: input.linkId }, "links.read");
  const linkPublicId = toPublicId("Link", link.id);
  if (!input.inline && !options.logo?.startsWith("data:")) return qrImageUrl(services.config.publicBaseUrl, linkPublicId, input.format, options);
  const image = await services.qr.render(qrContent(services, link), input.format, options);
  return `data:${image.contentType};base64,${image.body.toString("base64")}`;
}

/** The link a /qr/<id> path names (its public id), or NOT_FOUND. */
export async function findQrLink(services: Pick<Services, "db">, publicId: string) {
  let id: string;
  try {
    id = fromPublicId("Link", publicId);
  } catch {
    throw notFound("Link");
  }
  const link = await services.db.link.findUnique({ where: { id }, select: { id: true, domainId: true, slug: true } });
  if (!link) throw notFound("Link");
  return link;
}
