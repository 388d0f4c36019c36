/**
 * What the redirect handler knows about a click, captured in a few property reads: everything
 * else (address, device, visitor hash) is derived later, off the hot path.
 */
export interface CapturedClick {
  /** Epoch milliseconds. */
  at: number;
  linkId: string;
  referrer: string | undefined;
  userAgent: string | undefined;
  /** The socket's peer and the raw X-Forwarded-For: resolved with TRUST_PROXY when enriched. */
  peer: string | undefined;
  forwardedFor: string | undefined;
  /** The trusted proxy's country header (CLICK_COUNTRY_HEADER), unvalidated. */
  country: string | undefined;
  /** The link has maxClicks and this click counts toward it: tracked until it is stored. */
  capped: boolean;
  /** "qr" for a scanned QR code (the short URL with ?qr=1); absent for a plain visit. */
  source?: "qr";
  /** The redirect rule and A/B variant that served it; absent or null: the link's own URL. */
  ruleId?: string | null;
  variantId?: string | null;
}

/** Identical captured clicks (same link, second, visitor, referrer, country): stored as one row. */
export interface ClickGroup {
  click: CapturedClick;
  count: number;
}

/** Whether two clicks belong to the same group (cheaper than building a key, for runs of identical clicks). */
export const sameGroup = (a: CapturedClick, b: CapturedClick) =>
  a.linkId === b.linkId &&
  Math.floor(a.at / 1000) === Math.floor(b.at / 1000) &&
  a.userAgent === b.userAgent &&
  a.peer === b.peer &&
  a.forwardedFor === b.forwardedFor &&
  a.referrer === b.referrer &&
  a.country === b.country &&
  a.capped === b.capped &&
  a.ruleId === b.ruleId &&
  a.variantId === b.variantId &&
  a.source === b.source;

/** The key under which identical clicks are grouped. */
export const groupKey = (click: CapturedClick) =>
  `${click.linkId}\0${Math.floor(click.at / 1000)}\0${click.peer}\0${click.forwardedFor}\0${click.userAgent}\0${click.referrer}\0${click.country}\0${click.capped}\0${click.ruleId}\0${click.variantId}\0${click.source}`;

/**
 * A stored click row, ready to write; what crosses the Redis stream (no raw address unless
 * CLICK_STORE_IP). One row stands for `count` identical clicks within one second.
 */
export interface EnrichedClick {
  /** UUIDv7: stored as the primary key, so a redelivered row is stored once. */
  id: string;
  linkId: string;
  /** Epoch milliseconds of the first of the clicks. */
  at: number;
  count: number;
  bot: boolean;
  /** Hex of 16 bytes; null when neither address nor user agent is known. */
  visitor: string | null;
  referrer: string | null;
  country: string | null;
  device: string | null;
  browser: string | null;
  os: string | null;
  ip: string | null;
  /** "qr" for a QR scan; null or absent for a plain visit. */
  source?: string | null;
  /** The rule and variant that served it (absent in rows from instances before rules existed). */
  ruleId?: string | null;
  variantId?: string | null;
  /** The instance that served it, and whether it counts toward maxClicks there. */
  origin: string;
  capped: boolean;
}

/** A link's stored total after a batch was written. */
export interface StoredTotal {
  linkId: string;
  total: number;
  /** Clicks this batch added (total - added was the total before). */
  added: number;
}

/** What a written batch announces to every instance. */
export interface TotalsMessage {
  totals: StoredTotal[];
  /** Capped clicks now stored, per serving instance: they stop being "in flight" there. */
  settled: Array<{ linkId: string; origin: string; n: number }>;
  /** Redis stream batches now stored: their senders stop keeping them. */
  batches?: string[];
}
