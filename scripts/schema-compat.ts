import { execFileSync } from "node:child_process";
import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

/** An entry of schema-changes.acknowledged.json: a breaking change made on purpose. */
export interface Acknowledgement {
  type: string;
  path: string;
  reason: string;
}

export interface CompatReport {
  /** Breaking changes that block: unacknowledged, or removals that skipped @deprecated. */
  failures: string[];
  acknowledged: string[];
  /** Dangerous changes (e.g. an enum value added): worth a look, never blocking. */
  warnings: string[];
  safe: number;
}

const REMOVALS: Record<string, (meta: Record<string, unknown>) => boolean> = {
  FIELD_REMOVED: (meta) => meta.isRemovedFieldDeprecated === true,
  INPUT_FIELD_REMOVED: (meta) => meta.isInputFieldDeprecated === true,
  ENUM_VALUE_REMOVED: (meta) => meta.isEnumValueDeprecated === true,
};

/**
 * Compares two versions of schema.graphql. Every breaking change fails unless acknowledged, and a
 * field (or input field, or enum value) can only be removed once it was @deprecated in the old
 * schema: clients get a release to move off it. Acknowledging cannot skip that step.
 */
export async function compareSchemas(oldSdl: string, newSdl: string, acknowledgements: Acknowledgement[]): Promise<CompatReport> {
  const changes = await diff(buildSchema(oldSdl), buildSchema(newSdl));
  const report: CompatReport = { failures: [], acknowledged: [], warnings: [], safe: 0 };
  const isAcknowledged = (change: Change) => acknowledgements.some((a) => a.type === change.type && a.path === change.path);
  for (const change of changes) {
    const line = `${change.type} ${change.path ?? ""}: ${change.message}`;
    if (change.criticality.level === CriticalityLevel.NonBreaking) report.safe++;
    else if (change.criticality.level === CriticalityLevel.Dangerous) report.warnings.push(line);
    else if (REMOVALS[change.type] && !REMOVALS[change.type]!(change.meta)) {
      report.failures.push(`${line} — mark it @deprecated(reason: "…") and ship that first; remove it in a later change`);
    } else if (isAcknowledged(change)) report.acknowledged.push(line);
    else {
      report.failures.push(
        `${line} — if intended, add {"type": "${change.type}", "path": "${change.path}", "reason": "…"} to schema-changes.acknowledged.json`,
      );
    }
  }
  return report;
}

export function parseAcknowledgements(json: string): Acknowledgement[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((e) => e && typeof e.type === "string" && typeof e.path === "string" && typeof e.reason === "string")) {
    throw new Error('schema-changes.acknowledged.json must be an array of {"type", "path", "reason"} strings');
  }
  return parsed as Acknowledgement[];
}

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
const tryGit = (cwd: string, ...args: string[]) => {
  try {
    return git(cwd, ...args);
  } catch {
    return undefined;
  }
};

/**
 * The commit whose schema.graphql we compare against: SCHEMA_BASE_REF when given; otherwise the
 * merge-base with main (origin/main, else main), i.e. what this branch started from. On main
 * itself with schema.graphql as committed (CI on a clean clone) that is HEAD, so the previous
 * commit is used instead: CI checks the change that was just made.
 */
export function resolveBase(cwd: string, file: string, explicit?: string): { ref: string; sdl: string } | { skip: string } {
  if (explicit) {
    const sdl = tryGit(cwd, "show", `${explicit}:${file}`);
    return sdl === undefined ? { skip: `${file} does not exist at ${explicit}` } : { ref: explicit, sdl };
  }
  const main = ["origin/main", "main"].find((ref) => tryGit(cwd, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`) !== undefined);
  const head = tryGit(cwd, "rev-parse", "HEAD");
  if (!head) return { skip: "not a git checkout with commits" };
  let base = main ? tryGit(cwd, "merge-base", "HEAD", main) : undefined;
  const unchanged = tryGit(cwd, "diff", "--quiet", "HEAD", "--", file) !== undefined;
  if (!base || (base === head && unchanged)) base = tryGit(cwd, "rev-parse", "--verify", "--quiet", "HEAD~1^{commit}");
  if (!base) return { skip: "no earlier commit to compare with" };
  const sdl = tryGit(cwd, "show", `${base}:${file}`);
  return sdl === undefined ? { skip: `${file} did not exist at ${base.slice(0, 12)}` } : { ref: base, sdl };
}
