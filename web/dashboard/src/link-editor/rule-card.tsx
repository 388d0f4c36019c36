import { ErrorText } from "../ui/components";
import { BROWSERS, DEVICES, humanize, ruleErrorMessage, SYSTEMS, type RuleDraft } from "./rule-model";
import { VariantsEditor } from "./variants-editor";

type ListKey = "devices" | "os" | "browsers";

/** One rule: its conditions and where it sends visitors (a URL or an A/B split). */
export function RuleCard(props: {
  rule: RuleDraft;
  variantIds: string[];
  index: number;
  count: number;
  onChange: (rule: RuleDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  error?: string;
  errorPath?: string;
}) {
  const { rule, index, onChange } = props;
  const n = index + 1;
  const errorId = `rule-${n}-error`;
  const invalid = props.error ? { "aria-invalid": true as const, "aria-describedby": errorId } : {};
  const text = (key: "name" | "url" | "languages" | "countries" | "from" | "until" | "query") => ({
    value: rule[key],
    onInput: (event: Event) => onChange({ ...rule, [key]: (event.currentTarget as HTMLInputElement).value }),
  });
  const toggle = <K extends ListKey>(key: K, value: RuleDraft[K][number], on: boolean) =>
    onChange({ ...rule, [key]: on ? [...rule[key], value] : rule[key].filter((v) => v !== value) });
  const checks = <K extends ListKey>(key: K, legend: string, values: Array<RuleDraft[K][number]>) => (
    <fieldset class="checks">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label class="check" key={value}>
          <input type="checkbox" checked={rule[key].includes(value as never)} onChange={(e) => toggle(key, value, e.currentTarget.checked)} />
          {humanize(value)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <fieldset class="rule" data-rule={n} data-rule-key={rule.key}>
      <legend>Rule {n}</legend>
      <div class="row wrap end rule-actions">
        <button type="button" class="secondary small" onClick={() => props.onMove(-1)} disabled={index === 0} aria-label={`Move rule ${n} up`}>
          ↑ Up
        </button>
        <button
          type="button"
          class="secondary small"
          onClick={() => props.onMove(1)}
          disabled={index === props.count - 1}
          aria-label={`Move rule ${n} down`}
        >
          ↓ Down
        </button>
        <button type="button" class="danger small" onClick={props.onRemove} aria-label={`Remove rule ${n}`}>
          Remove
        </button>
      </div>
      <label>
        Name <span class="muted">(optional)</span>
        <input maxLength={100} {...text("name")} />
      </label>
      <div class="conditions">
        {checks("devices", "Devices", DEVICES)}
        {checks("os", "Operating systems", SYSTEMS)}
        {checks("browsers", "Browsers", BROWSERS)}
      </div>
      <div class="form-grid">
        <label>
          Languages <span class="muted">(comma-separated, e.g. de, pt-BR)</span>
          <input {...text("languages")} placeholder="de, fr" />
        </label>
        <label>
          Countries <span class="muted">(ISO codes, e.g. CH, DE)</span>
          <input {...text("countries")} placeholder="CH" />
        </label>
        <label>
          From <span class="muted">(your time zone)</span>
          <input type="datetime-local" {...text("from")} />
        </label>
        <label>
          Until <span class="muted">(exclusive)</span>
          <input type="datetime-local" {...text("until")} />
        </label>
        <label class="wide">
          Query parameters <span class="muted">(all must be present, e.g. utm_source=mail, ref)</span>
          <input {...text("query")} />
        </label>
      </div>
      <fieldset class="row wrap">
        <legend>Sends visitors to</legend>
        <label class="check">
          <input type="radio" name={`rule-${rule.key}-mode`} checked={rule.mode === "url"} onChange={() => onChange({ ...rule, mode: "url" })} />
          One URL
        </label>
        <label class="check">
          <input type="radio" name={`rule-${rule.key}-mode`} checked={rule.mode === "split"} onChange={() => onChange({ ...rule, mode: "split" })} />
          An A/B split
        </label>
      </fieldset>
      {rule.mode === "url" ? (
        <label>
          Destination
          <input type="url" required maxLength={2048} placeholder="https://example.com/page" {...text("url")} {...invalid} />
        </label>
      ) : (
        <VariantsEditor rule={rule} ids={props.variantIds} onChange={onChange} ruleNumber={n} errorPath={props.errorPath} />
      )}
      <ErrorText error={props.error && ruleErrorMessage(props.error, props.errorPath, props.variantIds)} id={errorId} />
    </fieldset>
  );
}
