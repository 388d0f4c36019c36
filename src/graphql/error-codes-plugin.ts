import type { Plugin } from "graphql-yoga";
import { GraphQLError } from "graphql";

const CONTRACT_CODES = new Set<string>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "RATE_LIMITED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_ONLY",
  "QUERY_TOO_COMPLEX",
  "INTERNAL_SERVER_ERROR",
]);

/** graphql-armor words its refusals as "Syntax Error: … limit of N exceeded" (the gateway sets the code itself; this is the safety net). */
const ARMOR_REFUSAL = /^(Syntax Error: )?.*\blimit of \d+ exceeded\b/i;

/**
 * The HTTP status of a request error (a response without `data`) by its code. GraphQL over HTTP
 * requires a 4xx for those under `application/graphql-response+json`; `spec: true` tells Yoga to
 * keep the legacy 200 for `application/json` clients.
 */
const REQUEST_ERROR_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  QUERY_TOO_COMPLEX: 400,
  PERSISTED_QUERY_NOT_FOUND: 404,
  PERSISTED_QUERY_ONLY: 403,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/**
 * Every error a client sees carries one of our codes. Errors thrown by use cases already do;
 * what graphql-js and Yoga raise themselves (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * variable coercion, malformed request bodies) is the caller's mistake and becomes BAD_USER_INPUT.
 */
export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const single of results) {
        const errors = (single as { errors?: GraphQLError[] }).errors;
        if (!errors) continue;
        const requestError = !("data" in single);
        for (const error of errors) {
          if (!(error instanceof GraphQLError)) continue;
          withContractCode(error);
          const status = REQUEST_ERROR_STATUS[error.extensions.code as string];
          if (requestError && status && !error.extensions.http) (error.extensions as Record<string, unknown>).http = { status, spec: true };
        }
      }
    },
  };
}

/** Gives an error of graphql-js, Yoga or graphql-armor the contract code it lacks (other transports use this too). */
export function withContractCode<T extends GraphQLError>(error: T): T {
  if (!CONTRACT_CODES.has(error.extensions?.code as string)) {
    (error.extensions as Record<string, unknown>).code = ARMOR_REFUSAL.test(error.message) ? "QUERY_TOO_COMPLEX" : "BAD_USER_INPUT";
  }
  return error;
}
