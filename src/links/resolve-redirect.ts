import type { TrustProxy } from "../platform/client-ip.js";
import type { CachedLink } from "./link-cache.js";
import { matchRules, type VisitorFacts } from "./link-routing.js";
import { unavailability, type RedirectDecision, type Unavailability } from "./redirect-decision.js";
import { isPreviewBot } from "./social-preview.js";
import { countryOf, createAgentClassifier, preferredLanguage, stickyBucket, type RedirectRequest, type VisitorAgent } from "./visitor-facts.js";

const GONE: Record<Unavailability, RedirectDecision> = {
  archived: { kind: "gone", reason: "archived" },
  expired: { kind: "gone", reason: "expired" },
  exhausted: { kind: "gone", reason: "exhausted" },
};
const PASSWORD: RedirectDecision = { kind: "password" };

export type RedirectResolver = ReturnType<typeof createRedirectResolver>;

/**
 * The redirect use case: what a cached link answers to one request, decided synchronously from
 * the cache (rules were compiled when the link was cached). Precedence:
 * unavailable (fallback URL or 410) → link-preview crawler (when the link has a preview) →
 * password → the first matching rule (for a split, the visitor's sticky variant) → deep link for
 * the visitor's OS (iOS, Android) → the link's URL. Plain links get a shared decision object.
 */
export function createRedirectResolver(options: { trustProxy: TrustProxy }) {
  const classify = createAgentClassifier();

  class RequestFacts implements VisitorFacts {
    private agentValue: VisitorAgent | undefined;
    private languageValue: string | null | undefined;
    constructor(
      readonly request: RedirectRequest,
      readonly now: number,
    ) {}
    agent() {
      return (this.agentValue ??= classify(this.request.userAgent));
    }
    language() {
      if (this.languageValue === undefined) this.languageValue = preferredLanguage(this.request.acceptLanguage);
      return this.languageValue;
    }
    country() {
      return countryOf(this.request.country);
    }
  }

  /** Where the visitor goes once the link is usable: rules, then deep links, then the URL. */
  function destination(link: CachedLink, request: RedirectRequest, now: number) {
    const routing = link.routing;
    if (routing.rules.length === 0 && !routing.ios && !routing.android) return routing.direct;
    const facts = new RequestFacts(request, now);
    const ruled = matchRules(routing, facts, () => stickyBucket(link.id, request, options.trustProxy));
    if (ruled) return ruled;
    if (routing.ios || routing.android) {
      const os = facts.agent().os;
      if (os === "IOS" && routing.ios) return routing.ios;
      if (os === "ANDROID" && routing.android) return routing.android;
    }
    return routing.direct;
  }

  return {
    resolveRedirect(link: CachedLink, request: RedirectRequest, now: number): RedirectDecision {
      const unavailable = unavailability(link, now);
      if (unavailable) return link.fallback ?? GONE[unavailable];
      if (link.routing.plain && !link.passwordHash) return link.routing.direct;
      const preview = link.routing.preview;
      if (preview && request.userAgent && isPreviewBot(request.userAgent)) return { kind: "preview", preview };
      if (link.passwordHash) return PASSWORD;
      return destination(link, request, now);
    },
    /** After the password was accepted. */
    destination,
  };
}
