import type { ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import { AppError } from "./errors.js";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * The one error body of every non-GraphQL response (RFC 9457 problem details). `code` carries
 * the same values as GraphQL's `extensions.code` (plus HTTP-only ones such as METHOD_NOT_ALLOWED);
 * `field` names the offending input, `retryAfter` the seconds to wait when RATE_LIMITED.
 */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  field?: string;
  /** Other members (e.g. retryAfter, permission, scope, reason). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export function problemBody(problem: Problem, requestId?: string) {
  return {
    type: "about:blank",
    title: STATUS_CODES[problem.status] ?? "Error",
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    ...(problem.field ? { field: problem.field } : {}),
    ...problem.extensions,
    ...(requestId ? { requestId } : {}),
  };
}

export function sendProblem(res: ServerResponse, problem: Problem) {
  if (res.headersSent) return void res.end();
  const requestId = res.getHeader("x-request-id");
  res.writeHead(problem.status, { ...problem.headers, "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store" });
  res.end(JSON.stringify(problemBody(problem, typeof requestId === "string" ? requestId : undefined)));
}

/** Shorthand for the router and static routes. */
export const sendError = (res: ServerResponse, status: number, code: string, detail: string, headers?: Record<string, string>) =>
  sendProblem(res, { status, code, detail, headers });

/**
 * An AppError as a problem: BAD_USER_INPUT naming a field is 422 (the request was well-formed,
 * its content is not), without one 400; unexpected errors are a masked 500.
 */
export function problemFromError(error: unknown): Problem {
  if (!(error instanceof AppError)) return { status: 500, code: "INTERNAL_SERVER_ERROR", detail: "Unexpected error." };
  const {
    code: _code,
    field,
    http,
    ...extensions
  } = error.extensions as { code: string; field?: string; http?: { headers?: Record<string, string> } };
  const status = error.code === "BAD_USER_INPUT" ? (field ? 422 : 400) : error.httpStatus;
  return { status, code: error.code, detail: error.message, field, extensions, headers: http?.headers };
}
