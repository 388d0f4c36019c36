/** What a QR code encodes after the short URL: its scans are told apart from plain visits by it. */
export const QR_MARKER = "qr=1";

/** The click's source from the request URL: "qr" for `?qr=1`, else undefined (a plain visit). */
export function clickSource(url: string | undefined): "qr" | undefined {
  const query = url === undefined ? -1 : url.indexOf("?");
  if (query === -1) return undefined;
  return new URLSearchParams(url!.slice(query + 1)).get("qr") === "1" ? "qr" : undefined;
}
