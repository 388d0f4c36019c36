import type { Role } from "../generated/prisma/enums.js";
import { forbidden, unauthenticated } from "../platform/errors.js";
import type { AccessTokenIssuer } from "./access-tokens.js";
import type { ApiKeyAuthenticator } from "./api-keys/api-key-authenticator.js";
import { looksLikeApiKey } from "./api-keys/api-key-format.js";

// ARBITRARY_OPERATIONS: may send operations that are not persisted (third-party developers) where
// the server otherwise only runs persisted ones (production); see src/graphql/gateway.
export const API_KEY_SCOPES = ["LINKS_READ", "LINKS_WRITE", "ANALYTICS_READ", "WEBHOOKS_MANAGE", "ARBITRARY_OPERATIONS"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Who is calling: resolved once per request from the Authorization header. */
export interface Viewer {
  userId: string;
  role: Role;
  /** Set when the caller authenticated with an API key: it acts for its owner within these scopes. */
  apiKey?: { id: string; scopes: readonly ApiKeyScope[]; workspaceId: string };
}

export const isAdmin = (viewer: Viewer | null) => viewer?.role === "ADMIN";

/**
 * `Authorization: Bearer <credential>`, where the credential is a JWT access token or an API key
 * (recognised by its `lgk_` prefix). No header means anonymous (null). A header that is present
 * but invalid is an error rather than silently anonymous, so clients learn to refresh their token.
 */
export async function authenticate(
  authorization: string | null | undefined,
  services: { accessTokens: AccessTokenIssuer; apiKeys: ApiKeyAuthenticator },
): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated("Authorization header must be 'Bearer <token>'");
  const credential = match[1]!;
  if (looksLikeApiKey(credential)) return services.apiKeys.authenticate(credential);
  const claims = await services.accessTokens.verify(credential);
  if (!claims) throw unauthenticated("Invalid or expired access token");
  return claims;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** Managing one's account (API keys, password, sessions) takes a person's session, not an API key. */
export function requireSession(viewer: Viewer | null): Viewer {
  const caller = requireViewer(viewer);
  if (caller.apiKey) throw forbidden("API keys cannot do this: sign in as a person");
  return caller;
}

/** Whether the viewer may see and change data owned by `ownerId`: its owner or an admin. */
export const mayAccessOwnedBy = (viewer: Viewer | null, ownerId: string) => viewer !== null && (viewer.userId === ownerId || isAdmin(viewer));

/** A signed-in person may do anything their role allows; an API key only what its scopes grant. */
export function requireScope(viewer: Viewer | null, scope: ApiKeyScope): Viewer {
  const caller = requireViewer(viewer);
  if (caller.apiKey && !caller.apiKey.scopes.includes(scope)) {
    throw forbidden(`This API key lacks the ${scope} scope`, { scope });
  }
  return caller;
}
