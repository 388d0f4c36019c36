import { describe, expect, it } from "vitest";
import { BROWSERS, DEVICE_TYPES, OPERATING_SYSTEMS, rulesSchema } from "../links/redirect-rules.js";
import {
  BROWSERS as EDITOR_BROWSERS,
  DEVICES,
  newRule,
  ruleDraft,
  ruleErrorMessage,
  rulesInput,
  SYSTEMS,
  type ApiRule,
  type RuleDraft,
} from "../../web/dashboard/src/link-editor/rule-model.js";

// The dashboard's rule editor builds RedirectRuleInput from what its inputs hold; the server's
// schema (the same for GraphQL and REST) is the judge.
const serverRules = rulesSchema({ ownHosts: ["lg.test"], countryHeader: "cf-ipcountry" });

const split = (urls: string[], weights: number[]): RuleDraft => ({
  ...newRule(),
  mode: "split",
  variants: urls.map((url, i) => ({ key: i, url, weight: String(weights[i]) })),
});

describe("the link editor's rule model", () => {
  it("offers every device, operating system and browser the server knows", () => {
    expect([...DEVICES].sort()).toEqual([...DEVICE_TYPES].sort());
    expect([...SYSTEMS].sort()).toEqual([...OPERATING_SYSTEMS].sort());
    expect([...EDITOR_BROWSERS].sort()).toEqual([...BROWSERS].sort());
  });

  it("gives a second A/B split's new variants ids of their own, which the server accepts", () => {
    const drafts = [
      split(["https://example.com/a", "https://example.com/b"], [50, 50]),
      { ...newRule(), url: "https://example.com/de", languages: "de, pt-BR", devices: ["MOBILE" as const] },
      split(["https://example.com/x", "https://example.com/y", "https://example.com/z"], [20, 30, 50]),
    ];
    const input = rulesInput(drafts);
    expect(input.map((rule) => rule.variants?.map((v) => v.id))).toEqual([["A", "B"], undefined, ["C", "D", "E"]]);
    expect(input[1]).toEqual({ url: "https://example.com/de", conditions: { devices: ["MOBILE"], languages: ["de", "pt-BR"] } });
    const parsed = serverRules.safeParse(input);
    expect(parsed.error?.issues).toBeUndefined();
    // The server's default (A–D by position) would have refused the same rules without ids.
    const withoutIds = input.map((rule) => ({ ...rule, variants: rule.variants?.map(({ url, weight }) => ({ url, weight })) }));
    expect(serverRules.safeParse(withoutIds).success).toBe(false);
  });

  it("keeps existing variant ids and picks unused letters for new ones", () => {
    const existing = split(["https://example.com/a", "https://example.com/b"], [50, 50]);
    existing.variants[0]!.id = "B";
    existing.variants[1]!.id = "A";
    const input = rulesInput([existing, split(["https://example.com/c", "https://example.com/d"], [10, 90])]);
    expect(input.map((rule) => rule.variants!.map((v) => v.id))).toEqual([
      ["B", "A"],
      ["C", "D"],
    ]);
  });

  it("reads a saved rule back into the same input (ids, conditions, query parameters, time window)", () => {
    const saved: ApiRule = {
      id: "rkeep",
      name: "Mail, CH, phones",
      url: null,
      variants: [
        { id: "Q", url: "https://example.com/q", weight: 25 },
        { id: "R", url: "https://example.com/r", weight: 75 },
      ],
      conditions: {
        devices: ["MOBILE"],
        os: ["IOS", "ANDROID"],
        browsers: null,
        languages: ["de"],
        countries: ["CH"],
        from: "2030-01-01T10:00:00.000Z",
        until: "2030-02-01T10:00:00.000Z",
        query: [
          { name: "utm_source", value: "mail" },
          { name: "ref", value: null },
        ],
      },
    };
    const [input] = rulesInput([ruleDraft(saved)]);
    expect(input).toEqual({
      id: "rkeep",
      name: "Mail, CH, phones",
      variants: [
        { id: "Q", url: "https://example.com/q", weight: 25 },
        { id: "R", url: "https://example.com/r", weight: 75 },
      ],
      conditions: {
        devices: ["MOBILE"],
        os: ["IOS", "ANDROID"],
        languages: ["de"],
        countries: ["CH"],
        from: "2030-01-01T10:00:00.000Z",
        until: "2030-02-01T10:00:00.000Z",
        query: [{ name: "utm_source", value: "mail" }, { name: "ref" }],
      },
    });
    expect(serverRules.safeParse([input]).success).toBe(true);
  });

  it("says a server error the way the rule's card labels its inputs", () => {
    expect(ruleErrorMessage("rules[2].variants[1].url: must be an absolute URL", "rules[2].variants[1].url", ["C", "D"])).toBe(
      "Variant D URL: must be an absolute URL",
    );
    expect(ruleErrorMessage("rules[0].variants: weights must add up to 100 (they add up to 90)", "rules[0].variants")).toBe(
      "A/B variants: weights must add up to 100 (they add up to 90)",
    );
    expect(ruleErrorMessage("rules[1].url: must be http or https", "rules[1].url")).toBe("Destination: must be http or https");
    expect(ruleErrorMessage("rules[1].conditions.languages[0]: not a language tag", "rules[1].conditions.languages[0]")).toBe(
      "Languages: not a language tag",
    );
    expect(ruleErrorMessage("something else", "rules[1].url")).toBe("something else");
  });
});
