import { builder } from "../graphql/builder.js";
import { Link } from "../links/schema.js";
import { linkQrCode } from "./qr-code.js";
import { QR_ERROR_CORRECTION, QR_FORMATS } from "./qr-options.js";

const QrFormat = builder.enumType("QrCodeFormat", { values: QR_FORMATS });
const QrErrorCorrection = builder.enumType("QrErrorCorrection", {
  description: "How much of the code may be damaged or covered and still decode: L 7%, M 15%, Q 25%, H 30%.",
  values: QR_ERROR_CORRECTION,
});

const QrCodeOptions = builder.inputType("QrCodeOptions", {
  fields: (t) => ({
    size: t.int({ description: "Width and height in pixels, 64–2048 (default 512)." }),
    margin: t.int({ description: "Quiet zone in modules, 0–16 (default 4)." }),
    errorCorrection: t.field({ type: QrErrorCorrection, description: "Default M; always H with a logo." }),
    foreground: t.string({ description: "Hex colour, #rgb, #rrggbb or #rrggbbaa (default #000000)." }),
    background: t.string({ description: "Hex colour (default #ffffff)." }),
    logo: t.string({ description: "Centred logo: an https URL or a data:image/png|jpeg;base64 URI (at most QR_LOGO_MAX_BYTES, one megapixel)." }),
  }),
});

builder.objectField(Link, "qrCode", (t) =>
  t.string({
    description:
      "The link's QR code, encoding its short URL with ?qr=1 (scans count as clicks with source qr): a URL of the image, or a data URI with inline: true (always for a data-URI logo).",
    args: {
      format: t.arg({ type: QrFormat, defaultValue: "SVG", required: true }),
      options: t.arg({ type: QrCodeOptions }),
      inline: t.arg.boolean({ description: "Return the image itself as a data URI." }),
    },
    resolve: (link, { format, options, inline }, context) =>
      linkQrCode(context.services, context.actor, {
        linkId: link.id,
        format,
        inline,
        options: options && {
          size: options.size ?? undefined,
          margin: options.margin ?? undefined,
          ecl: options.errorCorrection ?? undefined,
          fg: options.foreground ?? undefined,
          bg: options.background ?? undefined,
          logo: options.logo,
        },
      }),
  }),
);
