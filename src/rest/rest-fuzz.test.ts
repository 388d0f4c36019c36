import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentedOperations, openApiDocument, validateResponse } from "../../tests/helpers/openapi-validator.js";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

/**
 * Property-based fuzzing of every documented operation: path ids (real, foreign, malformed),
 * query parameters and bodies built from the document's own names with arbitrary JSON values.
 * Whatever comes in, the answer is never a 5xx and always one the document lists.
 */
let test: TestApp;
let token: string;
const real: Record<string, string> = {};

const resolve = (node: any): any =>
  node?.$ref
    ? (node.$ref as string)
        .slice(2)
        .split("/")
        .reduce((at: any, key: string) => at[key], openApiDocument)
    : node;

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -5, max: 5_000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("https://example.com/x", "2026-12-31T00:00:00Z", "LINK_CREATED", "HOUR", "REFERRER", "\u0000", "𝕏", "../../etc"),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
);

function bodyFor(schema: any): fc.Arbitrary<unknown> {
  const resolved = resolve(schema);
  if (resolved?.type === "array") return fc.array(bodyFor(resolved.items), { maxLength: 3 });
  const names = Object.keys(resolved?.properties ?? {});
  if (names.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(fc.record(Object.fromEntries(names.map((name) => [name, value])), { requiredKeys: [] }), fc.jsonValue({ maxDepth: 2 }));
}

beforeAll(async () => {
  test = await startTestApp();
  token = (await test.signUp()).token;
  const call = (path: string, body: unknown) =>
    fetch(`${test.baseUrl}/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  real.link = (await call("/links", { url: "https://example.com/fuzz" })).id;
  real.workspace = (await call("/workspaces", { name: "Fuzz" })).id;
  real.webhook = (await call("/webhooks", { url: "https://hooks.example.com/x", events: ["LINK_CREATED"] })).webhook.id;
});
afterAll(() => test?.close());

describe("fuzzing every operation", () => {
  it.each(documentedOperations().map(({ path, method, operation }) => [`${method} ${path}`, path, method, operation] as const))(
    "%s never answers 5xx",
    async (_name, path, method, operation) => {
      const parameters = (operation.parameters ?? []).map(resolve);
      const pathNames = parameters.filter((p: any) => p.in === "path").map((p: any) => p.name as string);
      const queryNames = parameters.filter((p: any) => p.in === "query").map((p: any) => p.name as string);
      const bodySchema = operation.requestBody?.content?.["application/json"]?.schema;
      const id = fc.oneof(fc.constantFrom(...Object.values(real)), fc.string({ maxLength: 40 }), fc.constant("TGluazpub3QtYS11dWlk"));
      await fc.assert(
        fc.asyncProperty(
          fc.record(Object.fromEntries(pathNames.map((name: string) => [name, id]))),
          fc.record(Object.fromEntries(queryNames.map((name: string) => [name, name === "waitSeconds" ? fc.constantFrom("0", "1", "99") : value])), {
            requiredKeys: [],
          }),
          bodySchema ? bodyFor(bodySchema) : fc.constant(undefined),
          async (params, query, body) => {
            const url = new URL(
              `${test.baseUrl}/api/v1${path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(params[name])))}`,
            );
            for (const [name, v] of Object.entries(query)) for (const one of [v].flat()) url.searchParams.append(name, String(one));
            const response = await fetch(url, {
              method,
              headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
              body: body === undefined ? undefined : JSON.stringify(body),
            });
            expect(response.status, `${method} ${url.pathname}${url.search} ${JSON.stringify(body)}`).toBeLessThan(500);
            if (response.headers.get("content-type")?.startsWith("text/event-stream")) return void (await response.body?.cancel());
            expect(await validateResponse(method, path, response)).toEqual([]);
          },
        ),
        { numRuns: 12 },
      );
    },
  );
});
