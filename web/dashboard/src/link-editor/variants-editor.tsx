import { newVariant, type RuleDraft, type VariantDraft } from "./rule-model";

/** An A/B split: 2–4 destinations with whole-percent weights that add up to 100. */
export function VariantsEditor(props: {
  rule: RuleDraft;
  ids: string[];
  ruleNumber: number;
  onChange: (rule: RuleDraft) => void;
  errorPath?: string;
}) {
  const { rule, onChange } = props;
  const variants = rule.variants;
  const set = (index: number, change: Partial<VariantDraft>) =>
    onChange({ ...rule, variants: variants.map((v, i) => (i === index ? { ...v, ...change } : v)) });
  const total = variants.reduce((sum, v) => sum + (Number(v.weight) || 0), 0);
  // `rules[2].variants[1].url` is about one variant; `rules[2].variants` (the weights' sum, the count) about all.
  const errorAt = /variants\[(\d+)\]/.exec(props.errorPath ?? "")?.[1];
  const aboutAll = /\.variants$/.test(props.errorPath ?? "");
  const invalid = (index: number) =>
    aboutAll || errorAt === String(index) ? { "aria-invalid": true as const, "aria-describedby": `rule-${props.ruleNumber}-error` } : {};
  return (
    <fieldset class="variants">
      <legend>A/B variants</legend>
      {variants.map((variant, index) => {
        const name = props.ids[index] ?? variant.id ?? "";
        return (
          <div class="row wrap variant" key={variant.key}>
            <label class="grow">
              Variant {name} URL
              <input
                type="url"
                required
                maxLength={2048}
                value={variant.url}
                onInput={(e) => set(index, { url: e.currentTarget.value })}
                placeholder="https://example.com/a"
                {...invalid(index)}
              />
            </label>
            <label class="weight">
              Variant {name} weight (%)
              <input
                type="number"
                min={1}
                max={99}
                step={1}
                required
                value={variant.weight}
                onInput={(e) => set(index, { weight: e.currentTarget.value })}
                {...invalid(index)}
              />
            </label>
            {variants.length > 2 ? (
              <button
                type="button"
                class="secondary small"
                aria-label={`Remove variant ${name}`}
                onClick={() => onChange({ ...rule, variants: variants.filter((_, i) => i !== index) })}
              >
                Remove
              </button>
            ) : null}
          </div>
        );
      })}
      <div class="row wrap between">
        <span class={total === 100 ? "muted small" : "small warn"} aria-live="polite">
          Weights add up to {total}%{total === 100 ? "" : " (they must add up to 100)"}
        </span>
        <button
          type="button"
          class="secondary small"
          disabled={variants.length >= 4}
          onClick={() => onChange({ ...rule, variants: [...variants, newVariant(0)] })}
        >
          Add variant
        </button>
      </div>
    </fieldset>
  );
}
