/**
 * The headers of a retired operation (RFC 9745 Deprecation, RFC 8594 Sunset): since when it is
 * deprecated and, once decided, when it stops working. The document marks it `deprecated: true`.
 */
export function deprecationHeaders(deprecated: { since: string; sunset?: string }): Record<string, string> {
  const headers: Record<string, string> = { deprecation: `@${Math.floor(Date.parse(deprecated.since) / 1000)}` };
  if (deprecated.sunset) headers.sunset = new Date(deprecated.sunset).toUTCString();
  return headers;
}
