import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import type { Types } from "@graphql-codegen/plugin-helpers";
import { getOperationAST, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import codegenConfig, { CLIENTS } from "../../../codegen.js";
import { loadConfig } from "../../config.js";
import { schema } from "../schema.js";
import { measureOperation, METRIC_LIMITS, REALISTIC_READS, recommendedLimits, type OperationMetrics } from "./operation-metrics.js";
import { documentIdOf } from "./persisted-documents.js";

const root = path.resolve(import.meta.dirname, "../../..");
const persistedQueriesDir = path.join(root, "persisted-queries");

function manifests() {
  return readdirSync(persistedQueriesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(root, file), documents: JSON.parse(readFileSync(file, "utf8")) as Record<string, string> };
    });
}

describe("client operations (persisted-queries/)", () => {
  it("has one manifest per client, as `npm run codegen` writes them today (run it after changing an operation or the schema)", async () => {
    const generated: Types.FileOutput[] = await generate({ ...codegenConfig, cwd: root, silent: true }, false);
    expect(generated.length).toBeGreaterThan(0);
    for (const client of CLIENTS) {
      expect(generated.map((file) => path.relative(root, path.resolve(root, file.filename)))).toContain(
        path.join("persisted-queries", client, "__generated__", "persisted-documents.json"),
      );
    }
    for (const file of generated) {
      const onDisk = readFileSync(path.resolve(root, file.filename), "utf8");
      expect(onDisk, `${file.filename} is stale: run npm run codegen`).toBe(file.content);
    }
  }, 60_000);

  it("keys every document by the sha256 of its text, and every operation validates against the schema", () => {
    const all = manifests();
    expect(all.length).toBeGreaterThanOrEqual(CLIENTS.length);
    for (const { file, documents } of all) {
      for (const [id, text] of Object.entries(documents)) {
        expect(id, file).toBe(documentIdOf(text));
        const document = parse(text);
        expect(getOperationAST(document), `${file}: one operation per document`).not.toBeNull();
        expect(validate(schema, document).map((error) => `${file}: ${error.message}`)).toEqual([]);
      }
    }
  });

  it("leaves our own operations room under every query limit, and lets realistic hand-written reads through (see npm run measure:operations)", () => {
    const measured: OperationMetrics[] = [];
    for (const { documents } of manifests()) for (const text of Object.values(documents)) measured.push(measureOperation(schema, text));
    const needed = recommendedLimits(measured);
    const defaults = loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://x@localhost/x", JWT_SECRET: "x".repeat(32) }).gateway;
    for (const key of Object.keys(METRIC_LIMITS) as Array<keyof OperationMetrics>) {
      expect(defaults[METRIC_LIMITS[key]], `default ${METRIC_LIMITS[key]}`).toBeGreaterThanOrEqual(needed[key]);
    }
    for (const [name, text] of Object.entries(REALISTIC_READS)) {
      const metrics = measureOperation(schema, text);
      for (const key of Object.keys(METRIC_LIMITS) as Array<keyof OperationMetrics>) {
        expect(metrics[key], `${name}: ${key}`).toBeLessThanOrEqual(defaults[METRIC_LIMITS[key]] as number);
      }
    }
  });
});
