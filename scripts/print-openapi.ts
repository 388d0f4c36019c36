// `npm run openapi:print`: rewrites docs/openapi.json (the REST API's document) and the typed
// client's types (tests/helpers/rest-api.d.ts) from the code. A test fails when either is stale.
import { writeFile } from "node:fs/promises";
import { OPENAPI_FILE, OPENAPI_TYPES_FILE, openApiTypes, printOpenApiDocument } from "../src/rest/openapi-file.js";

await writeFile(OPENAPI_FILE, printOpenApiDocument());
await writeFile(OPENAPI_TYPES_FILE, await openApiTypes());
console.log(`wrote ${OPENAPI_FILE} and ${OPENAPI_TYPES_FILE}`);
