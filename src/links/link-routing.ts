import type { RedirectDecision } from "./redirect-decision.js";
import { storedRules, type StoredConditions, type StoredRule } from "./redirect-rules.js";
import { languageMatches, queryParameter, type RedirectRequest, type VisitorAgent } from "./visitor-facts.js";

export type RedirectOutcome = Extract<RedirectDecision, { kind: "redirect" }>;

export interface LinkPreview {
  title: string | null;
  description: string | null;
  imageUrl: string | null;
}

/** What a request's conditions are checked against; each fact is derived on first use. */
export interface VisitorFacts {
  readonly request: RedirectRequest;
  readonly now: number;
  agent(): VisitorAgent;
  language(): string | null;
  country(): string | null;
}

type Condition = (facts: VisitorFacts) => boolean;

interface CompiledRule {
  conditions: Condition[];
  /** One destination, or a split: `outcomes[i]` serves buckets below `bounds[i]`. */
  outcome: RedirectOutcome | null;
  bounds: number[];
  outcomes: RedirectOutcome[];
}

/** A cached link's routing, compiled once when it enters the cache: decisions are shared objects. */
export interface LinkRouting {
  /** The link's own URL: plain links answer with this object, allocating nothing. */
  direct: RedirectOutcome;
  /** True when there is nothing to evaluate (no rules, deep links or preview): the fast path. */
  plain: boolean;
  rules: CompiledRule[];
  ios: RedirectOutcome | null;
  android: RedirectOutcome | null;
  preview: LinkPreview | null;
}

export interface RoutableLink {
  url: string;
  status: number;
  rules: unknown;
  iosUrl: string | null;
  androidUrl: string | null;
  previewTitle: string | null;
  previewDescription: string | null;
  previewImageUrl: string | null;
}

const outcome = (status: number, location: string, ruleId: string | null, variantId: string | null): RedirectOutcome => ({
  kind: "redirect",
  status,
  location,
  countsAsClick: true,
  ruleId,
  variantId,
});

/** Turns a link's stored rules, deep links and preview into closures and precomputed decisions. */
export function compileRouting(link: RoutableLink): LinkRouting {
  const rules = storedRules(link.rules).map((rule) => compileRule(rule, link.status));
  const preview =
    link.previewTitle || link.previewDescription || link.previewImageUrl
      ? { title: link.previewTitle, description: link.previewDescription, imageUrl: link.previewImageUrl }
      : null;
  const ios = link.iosUrl ? outcome(link.status, link.iosUrl, null, null) : null;
  const android = link.androidUrl ? outcome(link.status, link.androidUrl, null, null) : null;
  return {
    direct: outcome(link.status, link.url, null, null),
    plain: rules.length === 0 && !ios && !android && !preview,
    rules,
    ios,
    android,
    preview,
  };
}

function compileRule(rule: StoredRule, status: number): CompiledRule {
  const compiled: CompiledRule = { conditions: compileConditions(rule.conditions ?? {}), outcome: null, bounds: [], outcomes: [] };
  if (rule.variants?.length) {
    let bound = 0;
    for (const variant of rule.variants) {
      bound += variant.weight;
      compiled.bounds.push(bound);
      compiled.outcomes.push(outcome(status, variant.url, rule.id, variant.id));
    }
  } else {
    compiled.outcome = outcome(status, rule.url ?? "", rule.id, null);
  }
  return compiled;
}

/** Cheapest first: the user agent (a cache lookup and parse on a miss) is read last. */
function compileConditions(conditions: StoredConditions): Condition[] {
  const checks: Condition[] = [];
  if (conditions.from) {
    const from = Date.parse(conditions.from);
    checks.push((facts) => facts.now >= from);
  }
  if (conditions.until) {
    const until = Date.parse(conditions.until);
    checks.push((facts) => facts.now < until);
  }
  if (conditions.countries?.length) {
    const countries = new Set(conditions.countries);
    checks.push((facts) => countries.has(facts.country() as string));
  }
  if (conditions.languages?.length) {
    const languages = conditions.languages;
    checks.push((facts) => {
      const language = facts.language();
      return language !== null && languages.some((wanted) => languageMatches(language, wanted));
    });
  }
  if (conditions.query?.length) {
    for (const { name, value } of conditions.query) {
      checks.push(
        value === undefined
          ? (facts) => queryParameter(facts.request.target, name) !== null
          : (facts) => queryParameter(facts.request.target, name) === value,
      );
    }
  }
  if (conditions.devices?.length) {
    const devices = new Set<string>(conditions.devices);
    checks.push((facts) => devices.has(facts.agent().device as string));
  }
  if (conditions.os?.length) {
    const systems = new Set<string>(conditions.os);
    checks.push((facts) => systems.has(facts.agent().os as string));
  }
  if (conditions.browsers?.length) {
    const browsers = new Set<string>(conditions.browsers);
    checks.push((facts) => browsers.has(facts.agent().browser as string));
  }
  return checks;
}

/** The first matching rule's outcome (for a split, the visitor's variant), or null when none matches. */
export function matchRules(routing: LinkRouting, facts: VisitorFacts, bucket: () => number): RedirectOutcome | null {
  for (const rule of routing.rules) {
    let matched = true;
    for (const check of rule.conditions) {
      if (!check(facts)) {
        matched = false;
        break;
      }
    }
    if (!matched) continue;
    if (rule.outcome) return rule.outcome;
    const point = bucket();
    for (let i = 0; i < rule.bounds.length; i++) if (point < rule.bounds[i]!) return rule.outcomes[i]!;
    return rule.outcomes[rule.outcomes.length - 1]!;
  }
  return null;
}
