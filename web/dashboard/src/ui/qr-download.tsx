/**
 * Download a link's QR code (GET /qr/<id>.png|.svg, public like the short URL): a 1024-pixel PNG
 * for print and chat, or an SVG that scales. Scans count as clicks with source "qr".
 */
export function QrDownloads({ link }: { link: { id: string; slug: string } }) {
  return (
    <span class="qr-downloads">
      <a
        class="button secondary small"
        href={`/qr/${encodeURIComponent(link.id)}.png?size=1024`}
        download={`${link.slug}-qr.png`}
        aria-label={`Download QR PNG of ${link.slug}`}
      >
        QR PNG
      </a>
      <a
        class="button secondary small"
        href={`/qr/${encodeURIComponent(link.id)}.svg`}
        download={`${link.slug}-qr.svg`}
        aria-label={`Download QR SVG of ${link.slug}`}
      >
        QR SVG
      </a>
    </span>
  );
}
