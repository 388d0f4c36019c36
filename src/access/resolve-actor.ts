import type { Db } from "../db/client.js";
import type { Viewer } from "../identity/viewer.js";
import { unauthenticated } from "../platform/errors.js";
import { fromPublicId } from "../platform/public-id.js";
import { ANONYMOUS, createActor, type Actor, type RoleLookup } from "./actor.js";
import type { WorkspaceRole } from "./permissions.js";

/** How a transport names the workspace to act in (header X-Workspace-Id, connection_init workspaceId). */
export const WORKSPACE_HEADER = "x-workspace-id";

/** An actor whose credential was valid but whose account or key can no longer act: UNAUTHENTICATED when used. */
const refused = (message: string): Actor => {
  const fail = () => {
    throw unauthenticated(message);
  };
  return { ...ANONYMOUS, requireUser: fail, requireSession: fail, access: () => Promise.reject(unauthenticated(message)) };
};

/**
 * The actor behind a verified credential (see authenticate), acting in the workspace the transport
 * selected (a public id, or nothing for the default). ONE statement: the account's instance role
 * (read from the database, so granting or revoking admin applies at once), its personal workspace
 * and its roles in the selected workspace and the API key's.
 */
export async function resolveActor(db: Pick<Db, "$queryRaw" | "membership">, viewer: Viewer | null, selection: { workspaceId?: string | null } = {}): Promise<Actor> {
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
  const wanted = [requestedId, viewer.apiKey?.workspaceId].filter((id): id is string => !!id);
  const [user] = await db.$queryRaw<Array<{ role: string; personal: string | null; memberships: Array<{ w: string; r: WorkspaceRole }> | null }>>`
    SELECT u.role::text AS role, p.id::text AS personal,
           (SELECT json_agg(json_build_object('w', m."workspaceId", 'r', m.role)) FROM "Membership" m
             WHERE m."userId" = u.id AND m."workspaceId" = ANY(${wanted}::uuid[])) AS memberships
    FROM "User" u LEFT JOIN "Workspace" p ON p."personalOwnerId" = u.id
    WHERE u.id = ${userId}::uuid`;
  if (!user || !user.personal) return refused("This account no longer exists");
  const known = new Map<string, WorkspaceRole>([[user.personal, "OWNER"]]);
  for (const membership of user.memberships ?? []) known.set(membership.w, membership.r);

  const apiKey = viewer.apiKey ? { id: viewer.apiKey.id, scopes: viewer.apiKey.scopes, workspaceId: viewer.apiKey.workspaceId } : null;
  // A key acts with its creator's current role: none left, no access at all.
  if (apiKey && !known.has(apiKey.workspaceId)) return refused("This API key's creator is no longer a member of its workspace");

  const defaultWorkspaceId = apiKey ? apiKey.workspaceId : user.personal;
  const lookupRole: RoleLookup = async (workspaceId) =>
    (await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } }))?.role ?? null;
  return createActor(
    {
      userId,
      instanceAdmin: user.role === "ADMIN",
      apiKey,
      selectedWorkspaceId: () => {
        if (selectionError) throw selectionError;
        return requestedId ?? defaultWorkspaceId;
      },
    },
    lookupRole,
    known,
  );
}
