import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { Actor } from "../access/actor.js";
import type { Permission } from "../access/permissions.js";
import type { LiveCredential } from "../identity/credential-events.js";
import type { Services } from "../services.js";

/** What a handler gets: the request's actor and its parsed parts. Handlers call use cases, nothing else. */
export interface RestContext<Query = unknown> {
  services: Services;
  actor: Actor;
  /** The verified credential (null when anonymous), for streams that end with it. */
  credential: LiveCredential | null;
  req: IncomingMessage;
  res: ServerResponse;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  /** Query parameters as `query` parsed them. */
  query: Query;
  /** The JSON body (unvalidated: the use case validates it). */
  body: unknown;
  idempotencyKey?: string;
  /** Absolute URL of /api/v1, for Location and Link headers. */
  apiUrl: string;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A handler that wrote the response itself (a stream). */
export const STREAMED = Symbol("streamed");

export interface RestOperation {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI style, below /api/v1: `/links/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** What the permission table requires (shown in the document). */
  permission?: Permission | "signed in";
  pathParams?: z.ZodObject;
  /** Query parameters (strings from the URL, coerced here). */
  query?: z.ZodObject;
  /** The body, as the use case validates it. */
  body?: z.ZodType;
  bodyExample?: unknown;
  success: { status: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType; example?: unknown; contentType?: string };
  /** A paginated list: `first`/`after` parameters, a `next` cursor and a Link header. */
  paginated?: boolean;
  /** POST that honours Idempotency-Key. */
  idempotent?: boolean;
  /** PATCH/DELETE that honour If-Match: the current representation to compare with. */
  current?: (context: RestContext<unknown>) => Promise<unknown>;
  /** Retired: answered with Deprecation (and Sunset when a date is set) headers; `deprecated: true` in the document. */
  deprecated?: { since: string; sunset?: string };
  /** Anonymous callers are allowed (the answer says what they may see). */
  public?: boolean;
  handle(context: RestContext<unknown>): Promise<RestResponse | typeof STREAMED>;
}

/** Keeps each resource file's definitions typed by their own query schema. */
export function operation<Q extends z.ZodObject | undefined = undefined>(
  definition: Omit<RestOperation, "query" | "handle"> & {
    query?: Q;
    handle(context: RestContext<Q extends z.ZodObject ? z.output<Q> : Record<string, never>>): Promise<RestResponse | typeof STREAMED>;
  },
): RestOperation {
  return definition as unknown as RestOperation;
}
