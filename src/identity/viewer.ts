import type { Role } from "../generated/prisma/enums.js";
import { forbidden, unauthenticated } from "../platform/errors.js";
import type { AccessTokenIssuer } from "./access-tokens.js";

export const API_KEY_SCOPES = ["LINKS_READ", "LINKS_WRITE", "ANALYTICS_READ", "WEBHOOKS_MANAGE"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Who is calling: resolved once per request from the Authorization header. */
export interface Viewer {
  userId: string;
  role: Role;
  /** Set when the caller authenticated with an API key: it acts for its owner within these scopes. */
  apiKey?: { id: string; scopes: readonly ApiKeyScope[] };
}

export const isAdmin = (viewer: Viewer | null) => viewer?.role === "ADMIN";

/**
 * No header means anonymous (null). A header that is present but invalid is an error rather than
 * silently anonymous, so clients learn to refresh their token.
 */
export async function authenticate(authorization: string | null | undefined, tokens: AccessTokenIssuer): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated("Authorization header must be 'Bearer <token>'");
  const claims = await tokens.verify(match[1]!);
  if (!claims) throw unauthenticated("Invalid or expired access token");
  return claims;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** A signed-in person may do anything their role allows; an API key only what its scopes grant. */
export function requireScope(viewer: Viewer | null, scope: ApiKeyScope): Viewer {
  const caller = requireViewer(viewer);
  if (caller.apiKey && !caller.apiKey.scopes.includes(scope)) {
    throw forbidden(`This API key lacks the ${scope} scope`, { scope });
  }
  return caller;
}
