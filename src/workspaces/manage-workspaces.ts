import { linkCacheKey } from "../links/link-cache.js";
import type { z } from "zod";
import type { Actor } from "../access/actor.js";
import { conflict, notFound } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { createWorkspaceSchema, updateWorkspaceSchema, workspaceSchema } from "./workspace-input.js";

/** A new team workspace; its creator is the OWNER. */
export async function createWorkspace(deps: Pick<Services, "db">, actor: Actor, input: z.input<typeof createWorkspaceSchema>) {
  const userId = actor.requireSession();
  const { name } = parseInput(createWorkspaceSchema, input);
  const workspace = await deps.db.workspace.create({ data: { name, memberships: { create: { userId, role: "OWNER" } } } });
  return Object.assign(workspace, { viewerRole: "OWNER" as const });
}

/** Renames a workspace; `workspace.update`. */
export async function updateWorkspace(deps: Pick<Services, "db">, actor: Actor, input: z.input<typeof updateWorkspaceSchema>) {
  actor.requireSession();
  const { workspaceId, name } = parseInput(updateWorkspaceSchema, input);
  const access = await actor.access(workspaceId);
  access.require("workspace.update");
  const workspace = await deps.db.workspace.update({ where: { id: access.workspaceId }, data: { name } });
  return Object.assign(workspace, { viewerRole: access.role });
}

/**
 * Deletes a team workspace with everything in it (links and their clicks, webhooks, keys);
 * `workspace.delete`. Personal workspaces stay as long as their account.
 */
export async function deleteWorkspace(
  deps: Pick<Services, "db" | "linkCache" | "credentialEvents">,
  actor: Actor,
  input: z.input<typeof workspaceSchema>,
) {
  actor.requireSession();
  const { workspaceId } = parseInput(workspaceSchema, input);
  const access = await actor.access(workspaceId);
  access.require("workspace.delete");
  const workspace = await deps.db.workspace.findUnique({ where: { id: access.workspaceId }, include: { memberships: { select: { userId: true } } } });
  if (!workspace) throw notFound("Workspace");
  if (workspace.personalOwnerId) throw conflict("A personal workspace cannot be deleted");
  const links = await deps.db.link.findMany({ where: { workspaceId: workspace.id }, select: { id: true, domainId: true, slug: true } });
  await deps.db.$transaction(async (tx) => {
    // Clicks have no foreign key to their link (write speed): remove them with it.
    await tx.click.deleteMany({ where: { linkId: { in: links.map((link) => link.id) } } });
    await tx.workspace.delete({ where: { id: workspace.id } });
  });
  for (const link of links) deps.linkCache.invalidate(linkCacheKey(link.domainId, link.slug));
  for (const member of workspace.memberships)
    deps.credentialEvents.publish({ userId: member.userId, workspaceId: workspace.id, reason: "PERMISSIONS_CHANGED", cause: "workspace_deleted" });
  return workspace;
}
