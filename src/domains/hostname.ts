import { domainToASCII } from "node:url";
import { z } from "zod";
import { text } from "../platform/text.js";

/**
 * A Host header as routing compares it: lower-case, without port and trailing dot. Cheap on
 * purpose (it runs for every redirect whose Host was not seen before).
 */
export function normalizeHostHeader(raw: string): string {
  let host = raw.toLowerCase();
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end === -1 ? host : host.slice(1, end);
  }
  const colon = host.indexOf(":");
  if (colon !== -1) host = host.slice(0, colon);
  while (host.endsWith(".")) host = host.slice(0, -1);
  return host;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A custom domain as users type it: trimmed, lower-cased, IDN to punycode; at least two labels, no IP, no port. */
export const hostnameSchema = text()
  .max(253, "must be at most 253 characters")
  .transform((value, context) => {
    const ascii = domainToASCII(value.toLowerCase().replace(/\.+$/, ""));
    const labels = ascii.split(".");
    if (!ascii || labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
      context.addIssue({ code: "custom", message: "must be a domain name such as go.example.com (no scheme, port, path or IP address)" });
      return z.NEVER;
    }
    return ascii;
  });
