import { clientIp, type TrustProxy } from "../platform/client-ip.js";
import { createUserAgentParser } from "../analytics/user-agent.js";
import type { Browser, DeviceType, OperatingSystem } from "./redirect-rules.js";

/**
 * What the redirect use case knows about a request: raw header values, read by the route in a few
 * property accesses. Everything derived from them is computed only when a link's rules ask.
 */
export interface RedirectRequest {
  userAgent: string | undefined;
  acceptLanguage: string | undefined;
  /** The trusted proxy's country header (CLICK_COUNTRY_HEADER), unvalidated. */
  country: string | undefined;
  /** The request target (path and query), e.g. `/launch?utm_source=mail`. */
  target: string | undefined;
  /** The socket's peer and the raw X-Forwarded-For: the visitor's address per TRUST_PROXY. */
  peer: string | undefined;
  forwardedFor: string | undefined;
}

export interface VisitorAgent {
  device: DeviceType | null;
  os: OperatingSystem | null;
  browser: Browser | null;
}

const DEVICE: Record<string, DeviceType> = {
  desktop: "DESKTOP",
  mobile: "MOBILE",
  tablet: "TABLET",
  console: "CONSOLE",
  smarttv: "SMARTTV",
  wearable: "WEARABLE",
  xr: "XR",
  embedded: "EMBEDDED",
};
const OS: Record<string, OperatingSystem> = {
  ios: "IOS",
  android: "ANDROID",
  windows: "WINDOWS",
  "mac os": "MACOS",
  macos: "MACOS",
  "chromium os": "CHROMEOS",
  "chrome os": "CHROMEOS",
  linux: "LINUX",
  ubuntu: "LINUX",
  debian: "LINUX",
  fedora: "LINUX",
  "linux mint": "LINUX",
  arch: "LINUX",
  "red hat": "LINUX",
  suse: "LINUX",
  gentoo: "LINUX",
};
const BROWSER: Record<string, Browser> = {
  chrome: "CHROME",
  "mobile chrome": "CHROME",
  "chrome webview": "CHROME",
  chromium: "CHROME",
  safari: "SAFARI",
  "mobile safari": "SAFARI",
  firefox: "FIREFOX",
  "mobile firefox": "FIREFOX",
  edge: "EDGE",
  opera: "OPERA",
  "opera mini": "OPERA",
  "opera touch": "OPERA",
  "opera gx": "OPERA",
  "samsung internet": "SAMSUNG_INTERNET",
};

/** Device type, OS and browser family in the rules' vocabulary (the analytics parser's cached result, mapped). */
export function createAgentClassifier() {
  const parse = createUserAgentParser();
  // Keyed by the parser's cached result object: a lookup without building a key.
  const known = new WeakMap<object, VisitorAgent>();
  return function classify(userAgent: string | undefined): VisitorAgent {
    const info = parse(userAgent);
    const cached = known.get(info);
    if (cached !== undefined) return cached;
    const agent: VisitorAgent = {
      device: (info.device ? DEVICE[info.device] : undefined) ?? null,
      os: (info.os ? OS[info.os.toLowerCase()] : undefined) ?? null,
      browser: (info.browser ? BROWSER[info.browser.toLowerCase()] : undefined) ?? null,
    };
    known.set(info, agent);
    return agent;
  };
}

/**
 * The visitor's most preferred language (highest q, the first of equals), lower-cased, or null.
 * `*` and q=0 entries never win.
 */
export function preferredLanguage(header: string | undefined): string | null {
  if (!header) return null;
  let best: string | null = null;
  let bestQ = 0;
  let start = 0;
  while (start < header.length) {
    let end = header.indexOf(",", start);
    if (end === -1) end = header.length;
    const semicolon = header.indexOf(";", start);
    const tagEnd = semicolon !== -1 && semicolon < end ? semicolon : end;
    const tag = header.slice(start, tagEnd).trim();
    let q = 1;
    if (tagEnd < end) {
      const match = /q\s*=\s*([0-9.]+)/i.exec(header.slice(tagEnd + 1, end));
      q = match ? Number(match[1]) : 1;
      if (!(q >= 0 && q <= 1)) q = 0;
    }
    if (q > bestQ && tag && tag !== "*") {
      best = tag;
      bestQ = q;
      if (q === 1) break; // nothing can beat it; later q=1 entries lose to the earlier one
    }
    start = end + 1;
  }
  return best === null ? null : best.toLowerCase();
}

/** "de" matches "de", "de-de", "de-at"; "pt-br" matches only "pt-br" (and its own subtags). */
export const languageMatches = (visitor: string, wanted: string) =>
  visitor === wanted || (visitor.length > wanted.length && visitor.startsWith(wanted) && visitor.charCodeAt(wanted.length) === 45); /* - */

/** The query string's value of `name` (first occurrence, decoded), or null; "" for a bare `?name`. Scans without parsing the rest. */
export function queryParameter(target: string | undefined, name: string): string | null {
  if (!target) return null;
  let start = target.indexOf("?") + 1;
  if (start === 0) return null;
  while (start < target.length) {
    let end = target.indexOf("&", start);
    if (end === -1) end = target.length;
    const equals = target.indexOf("=", start);
    const keyEnd = equals !== -1 && equals < end ? equals : end;
    if (decodeComponent(target.slice(start, keyEnd)) === name) return keyEnd === end ? "" : decodeComponent(target.slice(keyEnd + 1, end));
    start = end + 1;
  }
  return null;
}

function decodeComponent(value: string) {
  if (value.indexOf("%") === -1 && value.indexOf("+") === -1) return value;
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return value;
  }
}

/** The country header as a code: trimmed, upper-cased; proxies' "unknown" placeholders (XX, ZZ, T1) are null. */
export function countryOf(header: string | undefined): string | null {
  if (!header) return null;
  const code = header.trim().toUpperCase();
  return code.length === 2 && code !== "XX" && code !== "ZZ" ? code : null;
}

/**
 * A number in [0, 100) fixed for one visitor of one link: the same inputs as the analytics
 * visitor id (address and user agent) plus the link, without the daily salt, so that a visitor
 * keeps their variant beyond midnight and every link splits its visitors independently.
 * Nothing of it is stored; the click row records the variant served.
 */
export function stickyBucket(linkId: string, request: RedirectRequest, trustProxy: TrustProxy): number {
  const address =
    trustProxy.kind === "none"
      ? (request.peer ?? "")
      : clientIp({ headers: { "x-forwarded-for": request.forwardedFor }, socket: { remoteAddress: request.peer } } as never, trustProxy);
  let hash = fnv1a(0x811c9dc5, linkId);
  hash = fnv1a(hash, address);
  hash = fnv1a(hash, request.userAgent ?? "");
  return fmix32(hash) % 100;
}

function fnv1a(seed: number, value: string) {
  let hash = seed;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A separator, so ("ab", "c") and ("a", "bc") differ.
  return Math.imul(hash ^ 0xff, 0x01000193);
}

// MurmurHash3's finalizer: FNV alone leaves the low bits (what % 100 reads) poorly mixed.
function fmix32(value: number) {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
