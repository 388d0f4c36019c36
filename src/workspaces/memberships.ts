import type { z } from "zod";
import type { Actor, WorkspaceAccess } from "../access/actor.js";
import { ROLE_RANK, type WorkspaceRole } from "../access/permissions.js";
import type { Prisma } from "../generated/prisma/client.js";
import { conflict, forbidden, notFound } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { changeRoleSchema, memberSchema, workspaceSchema } from "./workspace-input.js";

type Deps = Pick<Services, "db" | "credentialEvents">;

/**
 * You manage people ranked below you (an OWNER everyone else; an ADMIN members and viewers), and
 * grant at most your own rank. Instance admins act as the OWNER.
 */
function requireOutranks(access: WorkspaceAccess, target: WorkspaceRole, granted?: WorkspaceRole) {
  if (access.viaInstanceAdmin) return;
  if (ROLE_RANK[target] >= ROLE_RANK[access.role]) throw forbidden(`Your role (${access.role}) cannot manage a ${target}`, { role: access.role });
  if (granted && ROLE_RANK[granted] > ROLE_RANK[access.role])
    throw forbidden(`Your role (${access.role}) cannot grant ${granted}`, { field: "role", role: access.role });
}

async function memberOrThrow(db: Deps["db"], workspaceId: string, userId: string) {
  const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, include: { user: true } });
  if (!membership) throw notFound("Member");
  return membership;
}

/** A member's access ends at once: their keys here are revoked, their live subscriptions end. */
async function endMembership(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
  await tx.apiKey.updateMany({ where: { workspaceId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Changes a member's role (`members.manage`); OWNER moves only by transferWorkspaceOwnership. */
export async function changeMemberRole(deps: Deps, actor: Actor, input: z.input<typeof changeRoleSchema>) {
  actor.requireSession();
  const { workspaceId, userId, role } = parseInput(changeRoleSchema, input);
  const access = await actor.access(workspaceId);
  access.require("members.manage");
  const member = await memberOrThrow(deps.db, access.workspaceId, userId);
  if (member.role === "OWNER") throw conflict("The owner's role changes only by transferring ownership");
  requireOutranks(access, member.role, role);
  const updated = await deps.db.membership.update({
    where: { workspaceId_userId: { workspaceId: access.workspaceId, userId } },
    data: { role },
    include: { user: true },
  });
  deps.credentialEvents.publish({ userId, workspaceId: access.workspaceId, reason: "PERMISSIONS_CHANGED", cause: "role_changed" });
  return updated;
}

/** Removes someone from a workspace (`members.manage`): their access ends at once. */
export async function removeMember(deps: Deps, actor: Actor, input: z.input<typeof memberSchema>) {
  actor.requireSession();
  const { workspaceId, userId } = parseInput(memberSchema, input);
  const access = await actor.access(workspaceId);
  access.require("members.manage");
  const member = await memberOrThrow(deps.db, access.workspaceId, userId);
  if (member.role === "OWNER") throw conflict("The owner cannot be removed; transfer ownership first");
  requireOutranks(access, member.role);
  await deps.db.$transaction((tx) => endMembership(tx, access.workspaceId, userId));
  deps.credentialEvents.publish({ userId, workspaceId: access.workspaceId, reason: "PERMISSIONS_CHANGED", cause: "member_removed" });
  return member;
}

/** Leaves a workspace (anyone but its OWNER, who transfers ownership first). */
export async function leaveWorkspace(deps: Deps, actor: Actor, input: z.input<typeof workspaceSchema>) {
  const userId = actor.requireSession();
  const { workspaceId } = parseInput(workspaceSchema, input);
  const access = await actor.access(workspaceId);
  if (access.viaInstanceAdmin) throw notFound("Member");
  if (access.role === "OWNER") throw conflict("The owner cannot leave; transfer ownership first");
  const member = await memberOrThrow(deps.db, access.workspaceId, userId);
  await deps.db.$transaction((tx) => endMembership(tx, access.workspaceId, userId));
  deps.credentialEvents.publish({ userId, workspaceId: access.workspaceId, reason: "PERMISSIONS_CHANGED", cause: "left_workspace" });
  return member;
}

/**
 * Makes another member the OWNER (`workspace.transfer`); the previous owner becomes an ADMIN. The
 * workspace row is locked while it happens, so there is always exactly one owner.
 */
export async function transferWorkspaceOwnership(deps: Deps, actor: Actor, input: z.input<typeof memberSchema>) {
  actor.requireSession();
  const { workspaceId, userId } = parseInput(memberSchema, input);
  const access = await actor.access(workspaceId);
  access.require("workspace.transfer");
  const result = await deps.db.$transaction(async (tx) => {
    const [workspace] = await tx.$queryRaw<Array<{ personalOwnerId: string | null }>>`
      SELECT "personalOwnerId" FROM "Workspace" WHERE id = ${access.workspaceId}::uuid FOR UPDATE`;
    if (!workspace) throw notFound("Workspace");
    if (workspace.personalOwnerId) throw conflict("A personal workspace cannot change owner");
    const target = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: access.workspaceId, userId } } });
    if (!target) throw notFound("Member");
    if (target.role === "OWNER") throw conflict("This member already owns the workspace");
    const previous = await tx.membership.findFirstOrThrow({ where: { workspaceId: access.workspaceId, role: "OWNER" } });
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: access.workspaceId, userId: previous.userId } },
      data: { role: "ADMIN" },
    });
    const owner = await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: access.workspaceId, userId } },
      data: { role: "OWNER" },
      include: { user: true },
    });
    return { owner, previousOwnerId: previous.userId };
  });
  deps.credentialEvents.publish({
    userId: result.previousOwnerId,
    workspaceId: access.workspaceId,
    reason: "PERMISSIONS_CHANGED",
    cause: "ownership_transferred",
  });
  deps.credentialEvents.publish({ userId, workspaceId: access.workspaceId, reason: "PERMISSIONS_CHANGED", cause: "ownership_transferred" });
  return result.owner;
}
