import type { z } from "zod";
import type { Actor } from "../access/actor.js";
import { notFound } from "../platform/errors.js";
import { paginate, pageArgsSchema } from "../platform/pagination.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { workspacePageSchema, workspaceSchema } from "./workspace-input.js";

type Deps = Pick<Services, "db">;

/** A workspace the actor is a member of (instance admins: any); `workspace.read`. Default: the selected one. */
export async function findWorkspace(deps: Deps, actor: Actor, input: z.input<typeof workspaceSchema>) {
  const { workspaceId } = parseInput(workspaceSchema, input);
  const access = await actor.access(workspaceId);
  access.require("workspace.read");
  const workspace = await deps.db.workspace.findUnique({ where: { id: access.workspaceId } });
  if (!workspace) throw notFound("Workspace");
  return Object.assign(workspace, { viewerRole: access.role });
}

export async function authorizeWorkspaceRead(deps: Deps, actor: Actor, id: string) {
  (await actor.access(id)).require("workspace.read");
}

/** The workspaces the signed-in person belongs to (an API key: its own), oldest membership first in pages. */
export async function listMyWorkspaces(deps: Deps, actor: Actor, input: z.input<typeof pageArgsSchema>) {
  const userId = actor.requireUser();
  const page = parseInput(pageArgsSchema, input);
  const result = await paginate(
    page,
    (keyset) =>
      deps.db.membership.findMany({
        where: { AND: [{ userId }, actor.apiKey ? { workspaceId: actor.apiKey.workspaceId } : {}, keyset.where] },
        orderBy: keyset.orderBy,
        take: keyset.take,
        include: { workspace: true },
      }),
    { tieBreaker: "workspaceId" },
  );
  return {
    ...result,
    edges: result.edges.map(({ cursor, node }) => ({ cursor, node: Object.assign(node.workspace, { viewerRole: node.role }) })),
  };
}

/** The members of a workspace with their roles; `workspace.read`. */
export async function listMembers(deps: Deps, actor: Actor, input: z.input<typeof workspacePageSchema>) {
  const { workspaceId, ...page } = parseInput(workspacePageSchema, input);
  const access = await actor.access(workspaceId);
  access.require("workspace.read");
  return paginate(
    page,
    (keyset) =>
      deps.db.membership.findMany({
        where: { AND: [{ workspaceId: access.workspaceId }, keyset.where] },
        orderBy: keyset.orderBy,
        take: keyset.take,
        include: { user: true },
      }),
    { tieBreaker: "userId" },
  );
}

/** Pending (and past) invitations of a workspace, newest first; `members.invite`. */
export async function listInvitations(deps: Deps, actor: Actor, input: z.input<typeof workspacePageSchema>) {
  actor.requireSession();
  const { workspaceId, ...page } = parseInput(workspacePageSchema, input);
  const access = await actor.access(workspaceId);
  access.require("members.invite");
  return paginate(page, (keyset) =>
    deps.db.invitation.findMany({ where: { AND: [{ workspaceId: access.workspaceId }, keyset.where] }, orderBy: keyset.orderBy, take: keyset.take }),
  );
}

export async function authorizeInvitationRead(deps: Deps, actor: Actor, id: string) {
  actor.requireSession();
  const invitation = await deps.db.invitation.findUnique({ where: { id }, select: { workspaceId: true } });
  if (!invitation) throw notFound("WorkspaceInvitation");
  (await actor.access(invitation.workspaceId, "WorkspaceInvitation")).require("members.invite");
}

/** The actor's role in a workspace it can see (OWNER for instance admins who are not members). */
export async function roleIn(actor: Actor, workspaceId: string) {
  return (await actor.access(workspaceId)).role;
}
