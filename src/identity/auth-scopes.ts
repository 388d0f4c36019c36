import type { AuthFailure } from "@pothos/plugin-scope-auth";
import { notFound, unauthenticated, forbidden } from "../platform/errors.js";
import { isAdmin, mayAccessOwnedBy, requireScope, requireSession, type ApiKeyScope, type Viewer } from "./viewer.js";

/**
 * The scopes fields and types require (@pothos/plugin-scope-auth):
 * - `authenticated`: any caller with a valid credential;
 * - `admin`: a person with the ADMIN role;
 * - `session`: a person's session, not an API key (managing keys, password, sessions);
 * - `apiKeyScope`: sessions pass; an API key only with that scope (FORBIDDEN naming it otherwise);
 * - `owner`: data owned by that user id: its owner or an admin (NOT_FOUND otherwise: existence never leaks).
 */
export interface AppAuthScopes {
  authenticated: boolean;
  admin: boolean;
  session: boolean;
  apiKeyScope: ApiKeyScope;
  owner: string;
}

export function authScopesFor(viewer: Viewer | null) {
  return {
    authenticated: viewer !== null,
    admin: isAdmin(viewer),
    // These two throw, so the client learns exactly what is missing (UNAUTHENTICATED, or FORBIDDEN with the scope).
    session: () => Boolean(requireSession(viewer)),
    apiKeyScope: (scope: ApiKeyScope) => Boolean(requireScope(viewer, scope)),
    owner: (ownerId: string) => mayAccessOwnedBy(viewer, ownerId),
  };
}

/** The error for a failed check: anonymous → UNAUTHENTICATED; not the owner → NOT_FOUND; else FORBIDDEN. */
export function unauthorizedError(viewer: Viewer | null, typename: string, failure: AuthFailure) {
  if (!viewer) return unauthenticated();
  if (failedScopes(failure).includes("owner")) return notFound(typename);
  return forbidden("Not allowed");
}

function failedScopes(failure: AuthFailure): string[] {
  if ("failures" in failure) return failure.failures.flatMap(failedScopes);
  return "scope" in failure ? [failure.scope] : [];
}
