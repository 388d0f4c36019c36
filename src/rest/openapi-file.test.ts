import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareOpenApi } from "../../scripts/openapi-compat.js";
import { documentedOperations } from "../../tests/helpers/openapi-validator.js";
import { deprecationHeaders } from "./deprecation.js";
import { OPENAPI_FILE, OPENAPI_TYPES_FILE, openApiTypes, printOpenApiDocument } from "./openapi-file.js";
import { OPERATIONS } from "./operations.js";

const document = JSON.parse(readFileSync(OPENAPI_FILE, "utf8"));
const clone = () => structuredClone(document);

describe("docs/openapi.json", () => {
  it("is what the code generates (run `npm run openapi:print`), and so are the typed client's types", async () => {
    expect(readFileSync(OPENAPI_FILE, "utf8")).toBe(printOpenApiDocument());
    expect(readFileSync(OPENAPI_TYPES_FILE, "utf8")).toBe(await openApiTypes());
  });

  it("names every operation, with examples and the bearer security scheme", () => {
    const operations = documentedOperations();
    expect(operations).toHaveLength(OPERATIONS.length);
    expect(new Set(operations.map(({ operation }) => operation.operationId)).size).toBe(OPERATIONS.length);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.paths["/links"].post.requestBody.content["application/json"].example).toBeDefined();
    expect(document.components.schemas.Problem.example).toBeDefined();
  });
});

describe("compareOpenApi (the CI check against main's document)", () => {
  it("passes the document against itself and additions", () => {
    const added = clone();
    added.paths["/links"].get.parameters.push({ name: "X-Extra", in: "header", required: false, schema: { type: "string" } });
    added.components.schemas.Link.properties.note = { type: "string" };
    expect(compareOpenApi(document, added).failures).toEqual([]);
  });

  it("fails removed operations, removed response fields, new required inputs and renamed operationIds", () => {
    const broken = clone();
    delete broken.paths["/links/{id}"].delete;
    delete broken.components.schemas.Link.properties.slug;
    broken.components.schemas.CreateLinkInput.required.push("title");
    broken.paths["/links"].get.operationId = "getLinks";
    const { failures } = compareOpenApi(document, broken);
    expect(failures).toEqual(
      expect.arrayContaining([
        "DELETE /links/{id}: removed",
        expect.stringMatching(/GET \/links\/\{id\} 200\.slug: removed from the response/),
        "POST /links body.title: newly required",
        expect.stringMatching(/operationId listLinks became getLinks/),
      ]),
    );
  });

  it("allows breaking changes with a major version bump", () => {
    const next = clone();
    delete next.paths["/links/{id}"].delete;
    next.info.version = "2.0.0";
    expect(compareOpenApi(document, next)).toEqual({ failures: [], majorBump: true });
  });
});

describe("deprecation headers", () => {
  it("say since when (RFC 9745) and until when (Sunset, an HTTP date)", () => {
    expect(deprecationHeaders({ since: "2026-12-01T00:00:00Z", sunset: "2027-06-01T00:00:00Z" })).toEqual({
      deprecation: "@1796083200",
      sunset: "Tue, 01 Jun 2027 00:00:00 GMT",
    });
  });
});
