import type { Role } from "../generated/prisma/enums.js";
import { unauthenticated } from "../platform/errors.js";
import type { AccessTokenIssuer } from "./access-tokens.js";

/** Who is calling: resolved once per request from the Authorization header. */
export interface Viewer {
  userId: string;
  role: Role;
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
