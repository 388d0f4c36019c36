// The redirect decision alone, in process: resolveRedirect calls per second for a plain link, a
// link with 5 rules (none matching) and an A/B link. No sockets, so far less sensitive to a busy
// machine than the HTTP benchmark; it shows what rules add to the hot path.
// Run: `npx tsx bench/resolve-redirect.ts`.
import { compileRouting } from "../src/links/link-routing.js";
import type { CachedLink } from "../src/links/link-cache.js";
import { parseInput } from "../src/platform/validation.js";
import { createLinkSchema } from "../src/links/link-input.js";
import { createRedirectResolver } from "../src/links/resolve-redirect.js";
import type { RedirectRequest } from "../src/links/visitor-facts.js";

const FIVE_RULES = [
  { conditions: { countries: ["DE", "AT", "CH"] }, url: "https://example.com/dach" },
  { conditions: { languages: ["fr", "es", "it"] }, url: "https://example.com/romance" },
  { conditions: { devices: ["MOBILE", "TABLET"] }, url: "https://example.com/mobile" },
  { conditions: { query: [{ name: "utm_source", value: "newsletter" }] }, url: "https://example.com/newsletter" },
  { conditions: { browsers: ["FIREFOX"], os: ["LINUX"], until: "2020-01-01T00:00:00Z" }, url: "https://example.com/old" },
];
const SPLIT = [
  {
    variants: [
      { url: "https://example.com/a", weight: 50 },
      { url: "https://example.com/b", weight: 50 },
    ],
  },
];

function link(rules: unknown): CachedLink {
  const parsed = parseInput(createLinkSchema(["sho.rt"], { countryHeader: "cf-ipcountry" }), { url: "https://example.com/plain", rules });
  return {
    id: "0190a0b0-0000-7000-8000-000000000001",
    url: parsed.url,
    status: 302,
    expiresAt: null,
    maxClicks: null,
    fallbackUrl: null,
    fallback: null,
    passwordHash: null,
    archived: false,
    clicks: 0,
    storedClicks: 0,
    version: 0,
    routing: compileRouting({
      url: parsed.url,
      status: 302,
      rules: parsed.rules ?? null,
      iosUrl: null,
      androidUrl: null,
      previewTitle: null,
      previewDescription: null,
      previewImageUrl: null,
    }),
  };
}

const resolver = createRedirectResolver({ trustProxy: { kind: "none" } });
const links = { plain: link(null), rules: link(FIVE_RULES), ab: link(SPLIT) };
const request = (i: number): RedirectRequest => ({
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  acceptLanguage: "en-US,en;q=0.9",
  country: "US",
  target: "/bench?utm_source=ads",
  peer: `10.0.${(i >> 8) & 255}.${i & 255}`,
  forwardedFor: undefined,
});
const requests = Array.from({ length: 1024 }, (_, i) => request(i));

function run(target: CachedLink, ms: number) {
  let calls = 0;
  let sink = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) {
      const decision = resolver.resolveRedirect(target, requests[(calls + i) & 1023]!, Date.now());
      if (decision.kind === "redirect") sink += decision.location.length;
    }
    calls += 1000;
  }
  return { perSecond: Math.round((calls / ms) * 1000), sink };
}

for (const side of ["plain", "rules", "ab"] as const) run(links[side], 300); // warm-up
const results: Record<string, number[]> = { plain: [], rules: [], ab: [] };
for (let round = 0; round < 5; round++) for (const side of ["plain", "rules", "ab"] as const) results[side]!.push(run(links[side], 400).perSecond);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const side of ["plain", "rules", "ab"]) {
  const perSecond = median(results[side]!);
  console.log(
    `${side}: ${perSecond.toLocaleString("en")} decisions/s (${(1e9 / perSecond).toFixed(0)} ns each), ${(perSecond / median(results.plain!)).toFixed(3)}× plain`,
  );
}
