import type { Role } from "../generated/prisma/enums.js";
import { forbidden, unauthenticated } from "../platform/errors.js";
import type { AccessTokenIssuer } from "./access-tokens.js";
import type { LiveCredential } from "./credential-events.js";
import type { ApiKeyAuthenticator } from "./api-keys/api-key-authenticator.js";
import { looksLikeApiKey } from "./api-keys/api-key-format.js";

// ARBITRARY_OPERATIONS: may send operations that are not persisted (third-party developers) where
// the server otherwise only runs persisted ones (production); see src/graphql/gateway.
export const API_KEY_SCOPES = ["LINKS_READ", "LINKS_WRITE", "ANALYTICS_READ", "WEBHOOKS_MANAGE", "ARBITRARY_OPERATIONS", "DOMAINS_MANAGE"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Who is calling: resolved once per request from the Authorization header. */
export interface Viewer {
  userId: string;
  role: Role;
  /** Set when the caller authenticated with an API key: it acts for its owner within these scopes. */
  apiKey?: { id: string; scopes: readonly ApiKeyScope[]; workspaceId: string; expiresAt?: number };
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
  return (await authenticateCredential(authorization, services))?.viewer ?? null;
}

/**
 * The same, with what live operations need to end with the credential (its expiry, its session).
 * Refusals carry `extensions.reason`: TOKEN_EXPIRED (refresh and retry), TOKEN_INVALID,
 * CREDENTIAL_REVOKED or CREDENTIAL_EXPIRED.
 */
export async function authenticateCredential(
  authorization: string | null | undefined,
  services: { accessTokens: AccessTokenIssuer; apiKeys: ApiKeyAuthenticator },
): Promise<{ viewer: Viewer; credential: LiveCredential } | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated("Authorization header must be 'Bearer <token>'", { reason: "TOKEN_INVALID" });
  const presented = match[1]!;
  if (looksLikeApiKey(presented)) {
    const viewer = await services.apiKeys.authenticate(presented);
    return { viewer, credential: { userId: viewer.userId, apiKeyId: viewer.apiKey!.id, expiresAt: viewer.apiKey!.expiresAt } };
  }
  const verified = await services.accessTokens.verify(presented);
  if ("failure" in verified) {
    throw verified.failure === "TOKEN_EXPIRED"
      ? unauthenticated("The access token has expired: refresh it", { reason: "TOKEN_EXPIRED" })
      : unauthenticated("Invalid access token", { reason: "TOKEN_INVALID" });
  }
  const { userId, role, sessionFamily, expiresAt } = verified;
  return { viewer: { userId, role }, credential: { userId, role, sessionFamily, expiresAt } };
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
