import { randomBytes } from "node:crypto";
import { z } from "zod";
import { text } from "../platform/text.js";
import { destinationUrlSchema } from "./link-rules.js";

export const DEVICE_TYPES = ["DESKTOP", "MOBILE", "TABLET", "CONSOLE", "SMARTTV", "WEARABLE", "XR", "EMBEDDED"] as const;
export const OPERATING_SYSTEMS = ["IOS", "ANDROID", "WINDOWS", "MACOS", "LINUX", "CHROMEOS"] as const;
export const BROWSERS = ["CHROME", "SAFARI", "FIREFOX", "EDGE", "OPERA", "SAMSUNG_INTERNET"] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
export type OperatingSystem = (typeof OPERATING_SYSTEMS)[number];
export type Browser = (typeof BROWSERS)[number];

export const MAX_RULES = 20;
const MAX_VALUES = 50;
const MAX_QUERY_CONDITIONS = 5;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
// BCP 47 as browsers send it: a primary language and optional subtags ("de", "pt-BR", "zh-Hant-TW").
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const VARIANT_LETTERS = ["A", "B", "C", "D"];

/** One condition of each kind; all given kinds must match (AND), any value of a list matches (OR). */
export interface StoredConditions {
  devices?: DeviceType[];
  os?: OperatingSystem[];
  browsers?: Browser[];
  /** Lower-case language tags, matched against the visitor's most preferred Accept-Language entry. */
  languages?: string[];
  /** ISO 3166-1 alpha-2, from the trusted country header. */
  countries?: string[];
  /** ISO instants: the rule applies from `from` (inclusive) until `until` (exclusive). */
  from?: string;
  until?: string;
  /** Every listed parameter must be present, with exactly `value` when one is given. */
  query?: Array<{ name: string; value?: string }>;
}

export interface StoredVariant {
  id: string;
  url: string;
  /** Percent; a split's weights add up to 100. */
  weight: number;
}

/** A rule as stored in Link.rules (JSON): either one destination (`url`) or a weighted split (`variants`). */
export interface StoredRule {
  id: string;
  name?: string;
  conditions: StoredConditions;
  url?: string;
  variants?: StoredVariant[];
}

const ruleId = z.string().regex(ID_PATTERN, "must be 1–32 characters of A–Z, a–z, 0–9, '_' or '-'");
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, "must not be empty (leave the condition out instead)").max(MAX_VALUES, `must have at most ${MAX_VALUES} values`);

function conditionsSchema(options: { countryHeader: string | undefined }) {
  return z
    .strictObject({
      devices: list(z.enum(DEVICE_TYPES)).nullish(),
      os: list(z.enum(OPERATING_SYSTEMS)).nullish(),
      browsers: list(z.enum(BROWSERS)).nullish(),
      languages: list(text().trim().toLowerCase().regex(LANGUAGE_TAG, "must be a language tag such as de or pt-BR")).nullish(),
      countries: list(text().trim().toUpperCase().regex(COUNTRY_CODE, "must be an ISO 3166-1 alpha-2 country code such as DE"))
        .refine(() => options.countryHeader !== undefined, "needs the server's CLICK_COUNTRY_HEADER setting (the trusted proxy's country header)")
        .nullish(),
      from: z.coerce.date().nullish(),
      until: z.coerce.date().nullish(),
      query: z
        .array(
          z.strictObject({
            name: text().min(1, "must not be empty").max(100, "must be at most 100 characters"),
            value: text().max(500, "must be at most 500 characters").nullish(),
          }),
        )
        .min(1, "must not be empty (leave the condition out instead)")
        .max(MAX_QUERY_CONDITIONS, `must have at most ${MAX_QUERY_CONDITIONS} parameters`)
        .nullish(),
    })
    .superRefine((conditions, ctx) => {
      if (conditions.from && conditions.until && conditions.until <= conditions.from) {
        ctx.addIssue({ code: "custom", path: ["until"], message: "must be after from" });
      }
    })
    .transform((conditions): StoredConditions => {
      const stored: StoredConditions = {};
      if (conditions.devices) stored.devices = [...new Set(conditions.devices)];
      if (conditions.os) stored.os = [...new Set(conditions.os)];
      if (conditions.browsers) stored.browsers = [...new Set(conditions.browsers)];
      if (conditions.languages) stored.languages = [...new Set(conditions.languages)];
      if (conditions.countries) stored.countries = [...new Set(conditions.countries)];
      if (conditions.from) stored.from = conditions.from.toISOString();
      if (conditions.until) stored.until = conditions.until.toISOString();
      if (conditions.query) stored.query = conditions.query.map(({ name, value }) => (value == null ? { name } : { name, value }));
      return stored;
    });
}

/**
 * The ordered rule list of a link, as createLink/updateLink accept it (GraphQL and REST alike):
 * unknown fields, weights that do not add up to 100 and bad URLs are refused with the path of the
 * offending field (`rules[2].variants[1].url`). Ids are kept when given, so that analytics by rule
 * and variant stay continuous across edits; missing rule ids are generated, missing variant ids
 * are A–D by position.
 */
export function rulesSchema(options: { ownHosts: readonly string[]; countryHeader: string | undefined }) {
  const url = destinationUrlSchema(options.ownHosts);
  const variant = z.strictObject({
    id: ruleId.nullish(),
    url,
    weight: z.number().int("must be a whole percentage").min(1, "must be between 1 and 99").max(99, "must be between 1 and 99"),
  });
  const rule = z
    .strictObject({
      id: ruleId.nullish(),
      name: text().trim().max(100, "must be at most 100 characters").nullish(),
      conditions: conditionsSchema(options).nullish(),
      url: url.nullish(),
      variants: z.array(variant).min(2, "a split needs 2 to 4 variants").max(4, "a split needs 2 to 4 variants").nullish(),
    })
    .superRefine((value, ctx) => {
      if ((value.url == null) === (value.variants == null)) {
        ctx.addIssue({ code: "custom", path: ["url"], message: "give either url (one destination) or variants (an A/B split), not both or neither" });
      }
      if (value.variants) {
        const sum = value.variants.reduce((total, { weight }) => total + weight, 0);
        if (sum !== 100) ctx.addIssue({ code: "custom", path: ["variants"], message: `weights must add up to 100 (they add up to ${sum})` });
      }
    });
  return z
    .array(rule)
    .max(MAX_RULES, `must have at most ${MAX_RULES} rules`)
    .superRefine((rules, ctx) => {
      const ruleIds = new Map<string, number>();
      const variantIds = new Map<string, number>();
      rules.forEach((rule, index) => {
        if (rule.id != null) {
          if (ruleIds.has(rule.id))
            ctx.addIssue({ code: "custom", path: [index, "id"], message: `"${rule.id}" is already the id of rules[${ruleIds.get(rule.id)}]` });
          ruleIds.set(rule.id, index);
        }
        rule.variants?.forEach((variant, position) => {
          const id = variant.id ?? VARIANT_LETTERS[position]!;
          if (variantIds.has(id)) {
            ctx.addIssue({
              code: "custom",
              path: [index, "variants", position, "id"],
              message: `"${id}" is already a variant of rules[${variantIds.get(id)}]: variant ids are unique within a link`,
            });
          }
          variantIds.set(id, index);
        });
      });
    })
    .transform((rules): StoredRule[] =>
      rules.map((rule) => {
        const stored: StoredRule = { id: rule.id ?? generateRuleId(), conditions: rule.conditions ?? {} };
        if (rule.name) stored.name = rule.name;
        if (rule.url != null) stored.url = rule.url;
        if (rule.variants)
          stored.variants = rule.variants.map((variant, position) => ({
            id: variant.id ?? VARIANT_LETTERS[position]!,
            url: variant.url,
            weight: variant.weight,
          }));
        return stored;
      }),
    );
}

const generateRuleId = () => `r${randomBytes(4).toString("hex")}`;

/** Link.rules as read back from the database (written only through rulesSchema). */
export const storedRules = (value: unknown): StoredRule[] => (Array.isArray(value) ? (value as StoredRule[]) : []);
