import { z } from "zod";
import { text } from "../platform/text.js";

export const QR_FORMATS = ["SVG", "PNG"] as const;
export const QR_ERROR_CORRECTION = ["L", "M", "Q", "H"] as const;

const colour = text()
  .transform((value) => value.replace(/^#/, "").toLowerCase())
  .refine((value) => /^([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(value), "must be a hex colour: #rgb, #rrggbb or #rrggbbaa");

/**
 * How a QR code is drawn. With a logo the error-correction level is always H (30% of the code may
 * be covered and it still decodes). One schema for GraphQL, the HTTP route and REST.
 */
export const qrOptionsSchema = z
  .object({
    size: z.coerce.number().int().min(64, "must be at least 64 pixels").max(2048, "must be at most 2048 pixels").default(512),
    margin: z.coerce.number().int().min(0).max(16, "must be at most 16 modules").default(4),
    ecl: z.enum(QR_ERROR_CORRECTION).default("M"),
    fg: colour.default("000000"),
    bg: colour.default("ffffff"),
    /** An https image URL, or a data URI (PNG or JPEG, base64). */
    logo: z.string().max(400_000, "must be at most 400,000 characters").nullish(),
  })
  .refine((options) => options.fg !== options.bg, { message: "must differ from bg", path: ["fg"] })
  .transform((options) => ({ ...options, ecl: options.logo ? ("H" as const) : options.ecl, logo: options.logo ?? null }));

export type QrOptionsInput = z.input<typeof qrOptionsSchema>;
export type QrOptions = z.output<typeof qrOptionsSchema>;

/** #rgb / #rrggbb / #rrggbbaa as RGBA bytes. */
export function rgba(hex: string): [number, number, number, number] {
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const value = (i: number) => parseInt(full.slice(i, i + 2), 16);
  return [value(0), value(2), value(4), full.length === 8 ? value(6) : 255];
}
