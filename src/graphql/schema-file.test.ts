import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printSchemaFile } from "./print-schema.js";

describe("schema.graphql", () => {
  it("matches the code-first schema (run `npm run schema:print` after changing the schema)", () => {
    const checkedIn = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(checkedIn).toBe(printSchemaFile());
  });
});
