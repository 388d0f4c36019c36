import path from "node:path";
import { appRoot } from "../platform/app-paths.js";
import { buildOpenApiDocument } from "./openapi.js";

/** The checked-in document (docs/openapi.json) and the typed test client's types generated from it. */
export const OPENAPI_FILE = path.join(appRoot, "docs", "openapi.json");
export const OPENAPI_TYPES_FILE = path.join(appRoot, "tests", "helpers", "rest-api.d.ts");

export const printOpenApiDocument = () => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

/** openapi-typescript's types for the document (build tooling: imported only by scripts and tests). */
export async function openApiTypes() {
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const ast = await openapiTS(JSON.parse(printOpenApiDocument()));
  return `// Generated from docs/openapi.json by \`npm run openapi:print\`; do not edit.\n${astToString(ast)}`;
}
