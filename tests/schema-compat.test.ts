import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareSchemas } from "../scripts/schema-compat.js";

const BASE = `
type Query { link(slug: String!): Link }
type Link { id: ID! slug: String! url: String! title: String legacyTitle: String @deprecated(reason: "Use title") }
enum Status { ACTIVE ARCHIVED }
`;

describe("compareSchemas", () => {
  it("passes additions", async () => {
    const report = await compareSchemas(BASE, BASE.replace("url: String!", "url: String! tags: [String!]!"), []);
    expect(report.failures).toEqual([]);
    expect(report.safe).toBe(1);
  });

  it("fails a breaking change (a type change), and passes it once acknowledged", async () => {
    const changed = BASE.replace("url: String!", "url: String");
    const report = await compareSchemas(BASE, changed, []);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatch(/FIELD_TYPE_CHANGED Link.url/);
    expect(report.failures[0]).toMatch(/schema-changes.acknowledged.json/);
    const acknowledged = await compareSchemas(BASE, changed, [{ type: "FIELD_TYPE_CHANGED", path: "Link.url", reason: "url may be hidden" }]);
    expect(acknowledged.failures).toEqual([]);
    expect(acknowledged.acknowledged).toHaveLength(1);
  });

  it("refuses removing a field that was never deprecated, even when acknowledged", async () => {
    const removed = BASE.replace("title: String ", "");
    const ack = [{ type: "FIELD_REMOVED", path: "Link.title", reason: "unused" }];
    const report = await compareSchemas(BASE, removed, ack);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatch(/@deprecated/);
  });

  it("allows removing a deprecated field once acknowledged", async () => {
    const removed = BASE.replace(` legacyTitle: String @deprecated(reason: "Use title")`, "");
    expect((await compareSchemas(BASE, removed, [])).failures).toHaveLength(1);
    const report = await compareSchemas(BASE, removed, [{ type: "FIELD_REMOVED", path: "Link.legacyTitle", reason: "deprecated since 0.3" }]);
    expect(report.failures).toEqual([]);
  });
});

describe("npm run schema:check (scripts/check-schema-compat.ts) in a git checkout", () => {
  const script = path.resolve(import.meta.dirname, "../scripts/check-schema-compat.ts");
  const tsx = path.resolve(import.meta.dirname, "../node_modules/.bin/tsx");
  let repo: string;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
  const check = (env: Record<string, string> = {}) => spawnSync(tsx, [script], { cwd: repo, encoding: "utf8", env: { ...process.env, ...env } });

  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), "linkgraph-schema-check-"));
    git("init", "-q", "-b", "main");
    git("config", "user.email", "ci@example.com");
    git("config", "user.name", "CI");
    writeFileSync(path.join(repo, "schema.graphql"), BASE);
    git("add", "schema.graphql");
    git("commit", "-q", "-m", "schema");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("compares the working tree with main and fails on an unacknowledged breaking change", () => {
    writeFileSync(path.join(repo, "schema.graphql"), BASE.replace("slug: String! url", "slug: Int! url"));
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/BREAKING: +FIELD_TYPE_CHANGED Link.slug/);
  });

  it("passes once the change is listed in schema-changes.acknowledged.json", () => {
    writeFileSync(
      path.join(repo, "schema-changes.acknowledged.json"),
      JSON.stringify([{ type: "FIELD_TYPE_CHANGED", path: "Link.slug", reason: "sample" }]),
    );
    const result = check();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/1 acknowledged, 0 breaking/);
  });

  it("on main with the change committed (CI on a clean clone), checks it against the previous commit", () => {
    rmSync(path.join(repo, "schema-changes.acknowledged.json"));
    git("commit", "-q", "-am", "breaking");
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/FIELD_TYPE_CHANGED Link.slug/);
    const current = readFileSync(path.join(repo, "schema.graphql"), "utf8");
    expect(check({ SCHEMA_BASE_REF: "HEAD" }).status).toBe(0);
    expect(current).toMatch(/slug: Int!/);
  });

  it("on a branch, compares with the merge-base with main", () => {
    git("checkout", "-q", "-b", "feature");
    writeFileSync(
      path.join(repo, "schema.graphql"),
      BASE.replace("slug: String! url", "slug: Int! url").replace("url: String!", "url: String! extra: Int"),
    );
    git("commit", "-q", "-am", "additive");
    const result = check();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/1 safe/);
  });
});
