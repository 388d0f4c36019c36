import { GraphQLError } from "graphql";
import { maskError as yogaMaskError } from "graphql-yoga";
import { clientErrorFromDatabase } from "../platform/errors.js";
import type { Logger } from "../platform/logger.js";

/**
 * What a client sees of an error that escapes an operation. GraphQL errors the client caused (use
 * cases' AppErrors, a missing CSRF header, a refused query) pass as they are; text the database
 * refuses becomes BAD_USER_INPUT. Anything else is unexpected: logged with its details and masked
 * to INTERNAL_SERVER_ERROR in every mode — development too (Yoga's isDev would otherwise attach
 * the database message and stack as `originalError`).
 */
export function maskUnexpectedError(error: unknown, message: string, log: Logger): Error {
  const masked = yogaMaskError(error, message, false);
  if (masked === error) return masked;
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const fromDatabase = clientErrorFromDatabase(original);
  if (fromDatabase) return fromDatabase;
  log.error({ err: original }, "unexpected error in GraphQL operation");
  if (masked instanceof GraphQLError) (masked.extensions as Record<string, unknown>).code = "INTERNAL_SERVER_ERROR";
  return masked;
}
