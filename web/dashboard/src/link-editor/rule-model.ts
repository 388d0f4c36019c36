// The rule editor's drafts (what the inputs hold, as text) and their conversion from the API's
// rules and to RedirectRuleInput. The server validates every value; nothing is checked here.
// Imported with .js extensions and from the generated types directly (not ../api/operations, which
// needs Vite's virtual module): the server's tests load this file too (src/dashboard/link-rule-model.test.ts).
import type {
  Browser,
  DashboardLinkBySlugQuery,
  DeviceType,
  OperatingSystem,
  RedirectRuleInput,
} from "../../../../persisted-queries/dashboard/__generated__/graphql.js";
import { fromLocalInput, toLocalInput } from "../lib/format.js";

export type ApiRule = NonNullable<DashboardLinkBySlugQuery["link"]>["rules"][number];

export interface VariantDraft {
  key: number;
  id?: string;
  url: string;
  weight: string;
}

export interface RuleDraft {
  key: number;
  /** Sent back unchanged so that analytics by rule stay continuous. */
  id?: string;
  name: string;
  mode: "url" | "split";
  url: string;
  variants: VariantDraft[];
  devices: DeviceType[];
  os: OperatingSystem[];
  browsers: Browser[];
  /** Comma-separated. */
  languages: string;
  countries: string;
  /** datetime-local values. */
  from: string;
  until: string;
  /** `utm_source=mail, ref`: each parameter, with the value it must have when given. */
  query: string;
}

export const DEVICES: DeviceType[] = ["DESKTOP", "MOBILE", "TABLET", "SMARTTV", "CONSOLE", "WEARABLE", "XR", "EMBEDDED"];
export const SYSTEMS: OperatingSystem[] = ["IOS", "ANDROID", "WINDOWS", "MACOS", "LINUX", "CHROMEOS"];
export const BROWSERS: Browser[] = ["CHROME", "SAFARI", "FIREFOX", "EDGE", "OPERA", "SAMSUNG_INTERNET"];

const NAMES: Record<string, string> = {
  SMARTTV: "Smart TV",
  XR: "XR headset",
  IOS: "iOS",
  MACOS: "macOS",
  CHROMEOS: "ChromeOS",
  SAMSUNG_INTERNET: "Samsung Internet",
  OS: "Operating systems",
};
export const humanize = (value: string) => NAMES[value] ?? value.charAt(0) + value.slice(1).toLowerCase();

let nextKey = 1;
const key = () => nextKey++;

export const newVariant = (weight: number): VariantDraft => ({ key: key(), url: "", weight: String(weight) });

export function newRule(): RuleDraft {
  return {
    key: key(),
    name: "",
    mode: "url",
    url: "",
    variants: [newVariant(50), newVariant(50)],
    devices: [],
    os: [],
    browsers: [],
    languages: "",
    countries: "",
    from: "",
    until: "",
    query: "",
  };
}

export function ruleDraft(rule: ApiRule): RuleDraft {
  const c = rule.conditions;
  return {
    key: key(),
    id: rule.id,
    name: rule.name ?? "",
    mode: rule.variants?.length ? "split" : "url",
    url: rule.url ?? "",
    variants: rule.variants?.length
      ? rule.variants.map((variant) => ({ key: key(), id: variant.id, url: variant.url, weight: String(variant.weight) }))
      : [newVariant(50), newVariant(50)],
    devices: c.devices ?? [],
    os: c.os ?? [],
    browsers: c.browsers ?? [],
    languages: (c.languages ?? []).join(", "),
    countries: (c.countries ?? []).join(", "),
    from: toLocalInput(c.from),
    until: toLocalInput(c.until),
    query: (c.query ?? []).map((p) => (p.value == null ? p.name : `${p.name}=${p.value}`)).join(", "),
  };
}

const list = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * Every variant's id, per rule: its own when it has one, else the first letter no other variant of
 * the link uses (variant ids are unique within a link; the server's default, A–D by position,
 * would collide in a second split).
 */
export function variantIds(drafts: RuleDraft[]): string[][] {
  const taken = new Set(drafts.flatMap((draft) => (draft.mode === "split" ? draft.variants.flatMap((v) => (v.id ? [v.id] : [])) : [])));
  const candidate = (n: number) => (n < 26 ? String.fromCharCode(65 + n) : `V${n - 25}`);
  let next = 0;
  const fresh = () => {
    while (taken.has(candidate(next))) next++;
    const id = candidate(next++);
    taken.add(id);
    return id;
  };
  return drafts.map((draft) => (draft.mode === "split" ? draft.variants.map((v) => v.id ?? fresh()) : []));
}

/** The rule list as the API takes it. */
export function rulesInput(drafts: RuleDraft[]): RedirectRuleInput[] {
  const ids = variantIds(drafts);
  return drafts.map((draft, index) => ruleInput(draft, ids[index]!));
}

/** One rule as the API takes it; empty conditions are left out. */
function ruleInput(draft: RuleDraft, ids: string[]): RedirectRuleInput {
  const conditions: NonNullable<RedirectRuleInput["conditions"]> = {};
  if (draft.devices.length) conditions.devices = draft.devices;
  if (draft.os.length) conditions.os = draft.os;
  if (draft.browsers.length) conditions.browsers = draft.browsers;
  if (list(draft.languages).length) conditions.languages = list(draft.languages);
  if (list(draft.countries).length) conditions.countries = list(draft.countries).map((code) => code.toUpperCase());
  if (draft.from) conditions.from = fromLocalInput(draft.from);
  if (draft.until) conditions.until = fromLocalInput(draft.until);
  const query = list(draft.query).map((pair) => {
    const at = pair.indexOf("=");
    return at < 0 ? { name: pair } : { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
  });
  if (query.length) conditions.query = query;
  const input: RedirectRuleInput = { conditions };
  if (draft.id) input.id = draft.id;
  if (draft.name.trim()) input.name = draft.name.trim();
  if (draft.mode === "url") input.url = draft.url.trim();
  else
    input.variants = draft.variants.map((variant, index) => ({
      id: ids[index]!,
      url: variant.url.trim(),
      // Not a whole number (the input prevents it): 0, which the server refuses at this variant.
      weight: Number.isInteger(Number(variant.weight)) ? Number(variant.weight) : 0,
    }));
  return input;
}

/** Where in the form a server error belongs: `rules[2].variants[1].url` → rule 2. */
export function ruleIndexOf(path: string | undefined): number | undefined {
  const match = /^rules\[(\d+)\]/.exec(path ?? "");
  return match ? Number(match[1]) : undefined;
}

/**
 * The server's message for a place inside rule `rules[i]`, said the way the card labels it:
 * "rules[2].variants[1].url: must be…" → "Variant B URL: must be…" (the card already says which rule).
 */
export function ruleErrorMessage(message: string, path: string | undefined, variantIds: string[] = []): string {
  const rest = /^rules\[\d+\]\.?(.*)$/.exec(path ?? "")?.[1];
  if (rest === undefined || !message.startsWith(`${path}: `)) return message;
  const text = message.slice(path!.length + 2);
  const variant = /^variants\[(\d+)\]\.?(\w*)/.exec(rest);
  const place = variant
    ? `Variant ${variantIds[Number(variant[1])] ?? Number(variant[1]) + 1} ${variant[2] === "url" ? "URL" : variant[2]}`.trim()
    : rest === "variants"
      ? "A/B variants"
      : rest === "url"
        ? "Destination"
        : rest.startsWith("conditions.")
          ? humanize(rest.slice("conditions.".length).replace(/\[.*$/, "").toUpperCase())
          : rest;
  return place ? `${place}: ${text}` : text;
}
