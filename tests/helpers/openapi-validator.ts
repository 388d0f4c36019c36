import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { OPENAPI_FILE } from "../../src/rest/openapi-file.js";

/**
 * Checks a response against the checked-in OpenAPI document: the status is documented for the
 * operation, the content type matches, the body validates against the schema (JSON Schema 2020-12,
 * as OpenAPI 3.1 uses), and the documented headers a client relies on are present.
 */
const document = JSON.parse(readFileSync(OPENAPI_FILE, "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
ajv.addSchema(document, "openapi");
const OPTIONAL_HEADERS = new Set(["link", "retry-after", "deprecation", "sunset"]);

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

function resolve(object: any): any {
  if (!object?.$ref) return object;
  return (object.$ref as string)
    .slice(2)
    .split("/")
    .reduce((node: any, key: string) => node[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
}

export async function validateResponse(method: string, schemaPath: string, response: Response): Promise<string[]> {
  const operation = document.paths[schemaPath]?.[method.toLowerCase()];
  if (!operation) return [`${method} ${schemaPath} is not in the document`];
  const status = String(response.status);
  const documented = operation.responses[status];
  if (!documented) return [`${method} ${schemaPath} answered ${status}, which the document does not list`];
  const spec = resolve(documented);
  const problems: string[] = [];
  for (const [name] of Object.entries<any>(spec.headers ?? {})) {
    if (!OPTIONAL_HEADERS.has(name.toLowerCase()) && !response.headers.has(name)) problems.push(`header ${name} is missing`);
  }
  if (!spec.content) {
    const text = await response.clone().text();
    if (text !== "") problems.push(`${status} should have no body`);
    return problems;
  }
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const media = spec.content[type];
  if (!media) return [...problems, `content type ${type} is not documented for ${status}`];
  if (type === "text/event-stream") return problems;
  const key = documented.$ref
    ? `openapi#/${(documented.$ref as string).slice(2)}/content/${pointer(type)}/schema`
    : `openapi#/paths/${pointer(schemaPath)}/${method.toLowerCase()}/responses/${status}/content/${pointer(type)}/schema`;
  const validate = ajv.getSchema(key) ?? ajv.compile({ $ref: key });
  const body = await response.clone().json();
  if (!validate(body)) problems.push(`body does not match the schema: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 300)}`);
  return problems;
}

/** Every operation of the document, for the fuzzer and the coverage check. */
export const documentedOperations = () =>
  Object.entries<any>(document.paths).flatMap(([path, item]) =>
    Object.entries<any>(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );

export const openApiDocument = document;
