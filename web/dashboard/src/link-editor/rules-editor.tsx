import { ErrorText } from "../ui/components";
import { newRule, ruleIndexOf, variantIds, type RuleDraft } from "./rule-model";
import { RuleCard } from "./rule-card";

/** The ordered rule list: add, remove, move up and down; the server's error shown at its rule. */
export function RulesEditor(props: { rules: RuleDraft[]; onChange: (rules: RuleDraft[]) => void; errorPath?: string; error?: string }) {
  const { rules, onChange } = props;
  const errorAt = ruleIndexOf(props.errorPath);
  // The ids new variants will be saved with, so that the labels say what analytics will.
  const ids = variantIds(rules);
  const set = (index: number, rule: RuleDraft) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rules];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
    // Keyboard users stay with the rule they moved: on its button, or the other one once at an end.
    const key = rules[index]!.key;
    requestAnimationFrame(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>(`[data-rule-key="${key}"] .rule-actions button`)];
      const wanted = buttons[by < 0 ? 0 : 1];
      (wanted && !wanted.disabled ? wanted : buttons[by < 0 ? 1 : 0])?.focus();
    });
  };
  const remove = (index: number) => {
    onChange(rules.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById("add-rule")?.focus());
  };
  return (
    <section class="wide editor-section" aria-labelledby="rules-title">
      <h2 id="rules-title">Redirect rules</h2>
      <p class="muted small">
        Checked in order: the first rule whose conditions all hold decides where a visitor goes (one destination, or an A/B split). Nobody matched:
        the deep links, then the destination URL above.
      </p>
      {props.errorPath === "rules" ? <ErrorText error={props.error} id="rules-error" /> : null}
      {rules.length === 0 ? <p class="muted">No rules: every visitor goes to the destination URL.</p> : null}
      <ol class="rule-list">
        {rules.map((rule, index) => (
          <li key={rule.key}>
            <RuleCard
              rule={rule}
              variantIds={ids[index]!}
              index={index}
              count={rules.length}
              onChange={(next) => set(index, next)}
              onMove={(by) => move(index, by)}
              onRemove={() => remove(index)}
              error={errorAt === index ? props.error : undefined}
              errorPath={errorAt === index ? props.errorPath : undefined}
            />
          </li>
        ))}
      </ol>
      <button type="button" id="add-rule" class="secondary small" onClick={() => onChange([...rules, newRule()])} disabled={rules.length >= 20}>
        Add rule
      </button>
    </section>
  );
}
