import type { Plugin } from "graphql-yoga";
import { GraphQLError } from "graphql";

const CONTRACT_CODES = new Set<string>([
  "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "CONFLICT", "RATE_LIMITED",
  "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_ONLY", "QUERY_TOO_COMPLEX", "INTERNAL_SERVER_ERROR",
]);

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
        for (const error of errors) {
          if (error instanceof GraphQLError && !CONTRACT_CODES.has(error.extensions?.code as string)) {
            (error.extensions as Record<string, unknown>).code = "BAD_USER_INPUT";
          }
        }
      }
    },
  };
}
