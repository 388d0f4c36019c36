import { isbot } from "isbot";
import { LRUCache } from "lru-cache";
import UAParser from "ua-parser-js";

export interface UserAgentInfo {
  bot: boolean;
  /** desktop, mobile, tablet, console, smarttv, wearable, embedded, xr or bot. */
  device: string | null;
  browser: string | null;
  os: string | null;
}

const UNKNOWN: UserAgentInfo = { bot: false, device: null, browser: null, os: null };
const MAX_USER_AGENT_LENGTH = 512;

/**
 * Device, browser and OS from ua-parser-js (v1, MIT), bots from isbot. Parsing is the costly
 * part and traffic repeats the same few hundred user agents, so results are cached.
 */
export function createUserAgentParser(cacheSize = 2_000) {
  const cache = new LRUCache<string, UserAgentInfo>({ max: cacheSize });
  return function parseUserAgent(userAgent: string | undefined): UserAgentInfo {
    if (!userAgent) return UNKNOWN;
    const key = userAgent.slice(0, MAX_USER_AGENT_LENGTH);
    let info = cache.get(key);
    if (info === undefined) {
      const result = new UAParser(key).getResult();
      const bot = isbot(key);
      info = {
        bot,
        device: bot ? "bot" : (result.device.type ?? (result.os.name || result.browser.name ? "desktop" : null)),
        browser: result.browser.name ?? null,
        os: result.os.name ?? null,
      };
      cache.set(key, info);
    }
    return info;
  };
}

/** Bot detection alone, for the redirect path of links with maxClicks (bots do not use them up). */
export const isBotUserAgent = (userAgent: string | undefined) => userAgent !== undefined && isbot(userAgent);
