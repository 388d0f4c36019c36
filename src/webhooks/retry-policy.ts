export interface RetrySettings {
  retryBaseMs: number;
  retryMaxMs: number;
}

/**
 * The wait before the next attempt after `attempt` failed ones (1-based): exponential from
 * retryBaseMs, capped at retryMaxMs, ±25 % jitter so that endpoints coming back are not hit by
 * every retry at once. A Retry-After the receiver sent is honoured (up to the cap).
 */
export function retryDelayMs(attempt: number, settings: RetrySettings, retryAfterMs?: number, random = Math.random): number {
  const exponential = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.min(attempt - 1, 40));
  const jittered = exponential * (0.75 + 0.5 * random());
  return Math.round(Math.min(settings.retryMaxMs, Math.max(jittered, retryAfterMs ?? 0)));
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
