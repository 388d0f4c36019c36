// `npm run schema:print`: writes schema.graphql from the code-first schema (checked in; a test
// fails when it is stale, and CI compares it with main's for breaking changes).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSchemaFile } from "../src/graphql/print-schema.js";

const target = fileURLToPath(new URL("../schema.graphql", import.meta.url));
writeFileSync(target, printSchemaFile());
console.log(`wrote ${target}`);
