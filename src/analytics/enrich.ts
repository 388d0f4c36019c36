import { hash } from "node:crypto";
import { clientIp, type TrustProxy } from "../platform/client-ip.js";
import type { ClickGroup, EnrichedClick } from "./click-event.js";
import { clickId } from "./click-id.js";
import { createUserAgentParser, type UserAgentInfo } from "./user-agent.js";

export interface EnrichOptions {
  /** This instance's name: the clicks' origin. */
  origin: string;
  trustProxy: TrustProxy;
  storeIp: boolean;
  saltFor(at: number): Promise<Buffer>;
  /** Shared with the live-count deltas, which classify bots too (one cache). */
  parseUserAgent?: (userAgent: string | undefined) => UserAgentInfo;
}

const COUNTRY = /^[A-Z]{2}$/;
const MAX_REFERRER_HOST = 253;

/** Turns groups of identical clicks into stored rows: address, device, browser, OS, bot flag, visitor hash. */
export function createEnricher(options: EnrichOptions) {
  const parseUserAgent = options.parseUserAgent ?? createUserAgentParser();
  return async function enrich(groups: ClickGroup[]): Promise<EnrichedClick[]> {
    const enriched: EnrichedClick[] = [];
    let saltDay = -1;
    let salt = "";
    for (const { click, count } of groups) {
      const ip =
        clientIp({ headers: { "x-forwarded-for": click.forwardedFor }, socket: { remoteAddress: click.peer } } as never, options.trustProxy) || null;
      const agent = parseUserAgent(click.userAgent);
      const day = Math.floor(click.at / 86_400_000);
      if (day !== saltDay) {
        salt = (await options.saltFor(click.at)).toString("hex");
        saltDay = day;
      }
      enriched.push({
        id: clickId(click.at),
        linkId: click.linkId,
        at: click.at,
        count,
        bot: agent.bot,
        visitor: ip || click.userAgent ? visitorHash(salt, ip, click.userAgent) : null,
        referrer: referrerHost(click.referrer),
        country: countryCode(click.country),
        device: agent.device,
        browser: agent.browser,
        os: agent.os,
        ip: options.storeIp ? ip : null,
        ruleId: click.ruleId ?? null,
        variantId: click.variantId ?? null,
        source: click.source ?? null,
        origin: options.origin,
        capped: click.capped,
      });
    }
    return enriched;
  };
}

/** 16 bytes of sha256(salt, address, user agent), as hex. */
function visitorHash(salt: string, ip: string | null, userAgent: string | undefined) {
  return hash("sha256", `${salt}\0${ip ?? ""}\0${userAgent ?? ""}`, "hex").slice(0, 32);
}

/** The referring site's host name ("www." dropped); null for direct visits or junk. */
export function referrerHost(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    const url = new URL(referrer);
    if (url.protocol !== "http:" && url.protocol !== "https:" && url.protocol !== "android-app:") return null;
    const host = url.hostname.toLowerCase().replace(/^www\./, "");
    return host && host.length <= MAX_REFERRER_HOST ? host : null;
  } catch {
    return null;
  }
}

/** ISO 3166-1 alpha-2; proxies' placeholders for "unknown" (XX, ZZ) become null. */
function countryCode(value: string | undefined): string | null {
  const code = value?.trim().toUpperCase();
  return code && COUNTRY.test(code) && code !== "XX" && code !== "ZZ" ? code : null;
}
