import { GraphQLError } from "graphql";

/** The stable error codes of our API contract (DESIGN.md §2). */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "PERSISTED_QUERY_NOT_FOUND"
  | "PERSISTED_QUERY_ONLY"
  | "QUERY_TOO_COMPLEX"
  | "INTERNAL_SERVER_ERROR";

const httpStatusByCode: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/**
 * An expected failure of a use case. It is a GraphQLError so that Yoga passes it to the client
 * unmasked; REST handlers read `code` and `httpStatus` from it.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  readonly httpStatus: number;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.code = code;
    this.httpStatus = httpStatusByCode[code] ?? 500;
  }
}

export const badInput = (field: string, message: string) => new AppError("BAD_USER_INPUT", message, { field });
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const unauthenticated = (message = "Authentication required", extensions: Record<string, unknown> = {}) =>
  new AppError("UNAUTHENTICATED", message, extensions);
export const forbidden = (message: string, extensions: Record<string, unknown> = {}) => new AppError("FORBIDDEN", message, extensions);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) => new AppError("CONFLICT", message, extensions);

/** PostgreSQL refusing text it cannot store: a NUL byte (22021) or an untranslatable character (22P05). */
const UNSTORABLE_TEXT = new Set(["22021", "22P05"]);

/**
 * The last-resort guard behind input validation (platform/validation.ts `text()`): a value the
 * database refuses as text is the caller's mistake, so it answers BAD_USER_INPUT, never a 500.
 */
export function clientErrorFromDatabase(error: unknown): AppError | undefined {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | undefined)?.meta?.driverAdapterError?.cause;
  if (typeof cause?.originalCode === "string" && UNSTORABLE_TEXT.has(cause.originalCode)) {
    return badInput("input", "Text inputs must not contain NUL bytes, control characters or broken Unicode");
  }
  return undefined;
}
