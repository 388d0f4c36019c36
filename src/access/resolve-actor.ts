import type { Db } from "../db/client.js";
import type { Viewer } from "../identity/viewer.js";
import { unauthenticated } from "../platform/errors.js";
import { fromPublicId } from "../platform/public-id.js";
import { ANONYMOUS, createActor, type Actor } from "./actor.js";
import type { WorkspaceRole } from "./permissions.js";

/** How a transport names the workspace to act in (header X-Workspace-Id, connection_init workspaceId). */
export const WORKSPACE_HEADER = "x-workspace-id";

/**
 * The actor behind a verified credential (see authenticate), acting in the workspace the transport
 * selected (a public id, or nothing for the default). Nothing is read until a use case asks; then
 * ONE statement reads the account's instance role (from the database, so granting or revoking
 * admin applies at once), its personal workspace and its roles in the selected workspace and the
 * API key's.
 */
export function resolveActor(
  db: Pick<Db, "$queryRaw" | "membership">,
  viewer: Viewer | null,
  selection: { workspaceId?: string | null } = {},
): Actor {
  if (!viewer) return ANONYMOUS;
  const { userId } = viewer;
  const requested = selection.workspaceId?.trim() || null;
  let requestedId: string | null = null;
  let selectionError: unknown = null;
  try {
    requestedId = requested === null ? null : fromPublicId("Workspace", requested, "X-Workspace-Id");
  } catch (error) {
    selectionError = error;
  }
  const apiKey = viewer.apiKey ? { id: viewer.apiKey.id, scopes: viewer.apiKey.scopes, workspaceId: viewer.apiKey.workspaceId } : null;

  return createActor({
    userId,
    apiKey,
    selectedWorkspaceId: () => {
      if (selectionError) throw selectionError;
      return requestedId;
    },
    async load() {
      const wanted = [requestedId, apiKey?.workspaceId].filter((id): id is string => !!id);
      const [user] = await db.$queryRaw<Array<{ role: string; personal: string | null; memberships: Array<{ w: string; r: WorkspaceRole }> | null }>>`
        SELECT u.role::text AS role, p.id::text AS personal,
               (SELECT json_agg(json_build_object('w', m."workspaceId", 'r', m.role)) FROM "Membership" m
                 WHERE m."userId" = u.id AND m."workspaceId" = ANY(${wanted}::uuid[])) AS memberships
        FROM "User" u LEFT JOIN "Workspace" p ON p."personalOwnerId" = u.id
        WHERE u.id = ${userId}::uuid`;
      if (!user || !user.personal) throw unauthenticated("This account no longer exists");
      const knownRoles = new Map<string, WorkspaceRole>([[user.personal, "OWNER"]]);
      for (const membership of user.memberships ?? []) knownRoles.set(membership.w, membership.r);
      // A key acts with its creator's current role: none left, no access at all.
      if (apiKey && !knownRoles.has(apiKey.workspaceId)) throw unauthenticated("This API key's creator is no longer a member of its workspace");
      return { instanceAdmin: user.role === "ADMIN", personalWorkspaceId: user.personal, knownRoles };
    },
    lookupRole: async (workspaceId) =>
      (await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } }))?.role ?? null,
  });
}
