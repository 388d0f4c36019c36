import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { IDEMPOTENCY_HEADER } from "../platform/idempotency.js";
import type { RestOperation } from "./operation.js";
import { OPERATIONS } from "./operations.js";
import { ProblemSchema } from "./schemas.js";

/**
 * The REST contract's version: bump the minor for additions, the major (and the /api/vN prefix) for
 * anything a client could break on; scripts/check-openapi-compat.ts enforces it against docs/openapi.json.
 */
export const API_VERSION = "1.0.0";

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemSchema } } });
const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { description: "Points per window (the budget GraphQL shares).", schema: { type: "integer" as const } },
  "RateLimit-Remaining": { description: "Points left in this window.", schema: { type: "integer" as const } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" as const } },
  "RateLimit-Policy": { description: "`<points>;w=<seconds>`.", schema: { type: "string" as const } },
};
const ERRORS: Record<string, ReturnType<typeof problem> & { headers?: object }> = {
  "400": problem("Malformed request (unparsable JSON, bad cursor)."),
  "401": problem("No credential, or an invalid or expired one (`reason` says which)."),
  "403": problem("The credential may not do this (a missing API-key scope, a role that lacks the permission)."),
  "404": problem("No such object, or one you may not see."),
  "409": problem("Conflicts with the current state (slug taken, Idempotency-Key reused with another request)."),
  "412": problem("If-Match names a version that is no longer current."),
  "422": problem("Invalid input: `field` names it."),
  "429": {
    ...problem("Rate limited: retry after Retry-After seconds."),
    headers: { "Retry-After": { schema: { type: "integer" } }, ...RATE_LIMIT_HEADERS },
  },
};

const ERROR_NAMES: Record<string, string> = {
  "400": "BadRequest",
  "401": "Unauthenticated",
  "403": "Forbidden",
  "404": "NotFound",
  "409": "Conflict",
  "412": "PreconditionFailed",
  "422": "InvalidInput",
  "429": "RateLimited",
};

function describe(operation: RestOperation): ZodOpenApiOperationObject {
  const { success } = operation;
  const successHeaders: Record<string, object> = {
    ...RATE_LIMIT_HEADERS,
    "X-Request-Id": { description: "Echoed, or generated.", schema: { type: "string" } },
  };
  if (success.status === 201) successHeaders.Location = { description: "The new object's URL.", schema: { type: "string" } };
  if (operation.method === "GET" && success.status === 200 && !success.contentType)
    successHeaders.ETag = { description: "Send back in If-None-Match (304) or If-Match (412 when stale).", schema: { type: "string" } };
  if (operation.paginated) successHeaders.Link = { description: 'The next page: `<…?after=…>; rel="next"`.', schema: { type: "string" } };
  if (operation.deprecated) {
    successHeaders.Deprecation = { description: "When this operation was deprecated (`@<unix seconds>`).", schema: { type: "string" } };
    if (operation.deprecated.sunset) successHeaders.Sunset = { description: "When it stops working (HTTP date).", schema: { type: "string" } };
  }
  const statuses = ["401", "403", "404", "429"];
  if (operation.body || operation.query || operation.pathParams) statuses.push("400", "422");
  if (operation.method !== "GET") statuses.push("409");
  if (operation.current) statuses.push("412");

  const header = (name: string, description: string) => ({
    name,
    in: "header" as const,
    required: false,
    description,
    schema: { type: "string" as const },
  });
  const parameters = [header("X-Workspace-Id", "The workspace to act in (default: your personal one, or the API key's).")];
  if (operation.idempotent) parameters.push(header(IDEMPOTENCY_HEADER, "Makes retries safe: the same key and body return the first result."));
  if (operation.current) parameters.push(header("If-Match", "The ETag you read: 412 if the object changed since."));
  if (operation.method === "GET" && !success.contentType) parameters.push(header("If-None-Match", "The ETag you have: 304 when unchanged."));

  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, operation.permission ? `Requires: \`${operation.permission}\`.` : undefined].filter(Boolean).join("\n\n"),
    tags: [operation.tag],
    ...(operation.deprecated ? { deprecated: true } : {}),
    requestParams: { ...(operation.pathParams ? { path: operation.pathParams } : {}), ...(operation.query ? { query: operation.query } : {}) },
    parameters,
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: operation.body, ...(operation.bodyExample ? { example: operation.bodyExample } : {}) } },
          },
        }
      : {}),
    responses: {
      [String(success.status)]: {
        description: success.description,
        headers: successHeaders as never,
        ...(success.schema
          ? {
              content: {
                [success.contentType ?? "application/json"]: { schema: success.schema, ...(success.example ? { example: success.example } : {}) },
              },
            }
          : {}),
      },
      ...(operation.method === "GET" && !success.contentType ? { "304": { description: "Not modified (If-None-Match)." } } : {}),
      ...Object.fromEntries(statuses.sort().map((status) => [status, { $ref: `#/components/responses/${ERROR_NAMES[status]}` }])),
    },
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the operations and the zod schemas they use. */
export function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of OPERATIONS) {
    const item = (paths[operation.path] ??= {});
    (item as Record<string, unknown>)[operation.method.toLowerCase()] = describe(operation);
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Linkgraph REST API",
        version: API_VERSION,
        description:
          "The REST face of Linkgraph: the same use cases, permissions, rate limits and events as the GraphQL API at /graphql, and the same ids. Errors are RFC 9457 problem details whose `code` matches GraphQL's `extensions.code`. Versioning: /api/v1 changes only by additions; anything retired first answers with Deprecation and Sunset headers.",
        license: { name: "MIT", identifier: "MIT" },
      },
      servers: [{ url: "/api/v1", description: "This server (relative to the document)." }],
      security: [{ bearer: [] }],
      tags: [
        { name: "Me", description: "The caller." },
        { name: "Links", description: "Short links." },
        { name: "Domains", description: "Custom domains: add, verify (TXT record or HTTP token), configure, remove." },
        { name: "Analytics", description: "Clicks: totals, series, breakdowns and live counts (SSE, long polling)." },
        { name: "Webhooks", description: "Signed event deliveries to your endpoints." },
        { name: "Workspaces", description: "Workspaces, members and roles." },
      ],
      components: {
        responses: Object.fromEntries(Object.entries(ERRORS).map(([status, response]) => [ERROR_NAMES[status]!, response])) as never,
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "An API key (`lgk_…`, scopes apply) or an access token from the GraphQL logIn/signUp mutations.",
          },
        },
      },
      paths,
    },
    {
      // JSON has no dates: a z.date() the use cases take arrives as an ISO 8601 string.
      override: ({ jsonSchema, zodSchema }) => {
        if (zodSchema._zod.def.type === "date") {
          jsonSchema.type = "string";
          jsonSchema.format = "date-time";
        }
      },
    },
  );
}
