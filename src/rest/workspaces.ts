import { z } from "zod";
import { WORKSPACE_ROLES } from "../access/permissions.js";
import type { Membership, User, Workspace } from "../generated/prisma/client.js";
import { toPublicId } from "../platform/public-id.js";
import { findWorkspace, listMembers, listMyWorkspaces } from "../workspaces/find-workspaces.js";
import { deleteWorkspace, createWorkspace, updateWorkspace } from "../workspaces/manage-workspaces.js";
import { changeMemberRole, removeMember } from "../workspaces/memberships.js";
import { changeRoleSchema, createWorkspaceSchema, updateWorkspaceSchema } from "../workspaces/workspace-input.js";
import { operation, type RestContext } from "./operation.js";
import { dateTime, idParam, pageBody, pageOf, pageQuery } from "./schemas.js";

const WorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    personal: z.boolean(),
    role: z.enum(WORKSPACE_ROLES).meta({ description: "Your role there." }),
    createdAt: dateTime,
  })
  .meta({ id: "Workspace" });
const MemberSchema = z.object({ userId: z.string(), email: z.string(), role: z.enum(WORKSPACE_ROLES), joinedAt: dateTime }).meta({ id: "Member" });

const workspaceJson = (workspace: Workspace & { viewerRole: string }) => ({
  id: toPublicId("Workspace", workspace.id),
  name: workspace.name,
  personal: workspace.personalOwnerId !== null,
  role: workspace.viewerRole,
  createdAt: workspace.createdAt.toISOString(),
});
const memberJson = (member: Membership & { user: User }) => ({
  userId: toPublicId("User", member.userId),
  email: member.user.email,
  role: member.role,
  joinedAt: member.createdAt.toISOString(),
});

const workspaceId = idParam("The workspace's id.");
const memberParams = z.object({
  id: z.string().meta({ description: "The workspace's id." }),
  userId: z.string().meta({ description: "The member's user id." }),
});
const current = async (context: RestContext<unknown>) =>
  workspaceJson(await findWorkspace(context.services, context.actor, { workspaceId: context.params.id }));

export const workspaceOperations = [
  operation({
    method: "GET",
    path: "/workspaces",
    operationId: "listWorkspaces",
    summary: "The workspaces you belong to",
    description: "An API key sees only its own workspace.",
    tag: "Workspaces",
    permission: "signed in",
    paginated: true,
    query: pageQuery,
    success: { status: 200, description: "One page of workspaces.", schema: pageOf(WorkspaceSchema, "WorkspacePage") },
    handle: async (context) => ({
      status: 200,
      body: pageBody(await listMyWorkspaces(context.services, context.actor, context.query), workspaceJson),
    }),
  }),
  operation({
    method: "POST",
    path: "/workspaces",
    operationId: "createWorkspace",
    summary: "Create a team workspace",
    description: "Takes a person's session (API keys cannot).",
    tag: "Workspaces",
    permission: "signed in",
    body: createWorkspaceSchema,
    bodyExample: { name: "Marketing" },
    success: { status: 201, description: "The workspace; you are its OWNER.", schema: WorkspaceSchema },
    async handle(context) {
      const workspace = await createWorkspace(context.services, context.actor, context.body as { name: string });
      return {
        status: 201,
        body: workspaceJson(workspace),
        headers: { location: `${context.apiUrl}/workspaces/${toPublicId("Workspace", workspace.id)}` },
      };
    },
  }),
  operation({
    method: "GET",
    path: "/workspaces/{id}",
    operationId: "getWorkspace",
    summary: "Get a workspace",
    tag: "Workspaces",
    permission: "workspace.read",
    pathParams: workspaceId,
    success: { status: 200, description: "The workspace.", schema: WorkspaceSchema },
    handle: async (context) => ({ status: 200, body: await current(context) }),
  }),
  operation({
    method: "PATCH",
    path: "/workspaces/{id}",
    operationId: "updateWorkspace",
    summary: "Rename a workspace",
    tag: "Workspaces",
    permission: "workspace.update",
    pathParams: workspaceId,
    body: updateWorkspaceSchema.omit({ workspaceId: true }),
    bodyExample: { name: "Growth" },
    current,
    success: { status: 200, description: "The workspace.", schema: WorkspaceSchema },
    async handle(context) {
      const input = { ...(context.body as object), workspaceId: context.params.id! } as Parameters<typeof updateWorkspace>[2];
      return { status: 200, body: workspaceJson(await updateWorkspace(context.services, context.actor, input)) };
    },
  }),
  operation({
    method: "DELETE",
    path: "/workspaces/{id}",
    operationId: "deleteWorkspace",
    summary: "Delete a team workspace and everything in it",
    tag: "Workspaces",
    permission: "workspace.delete",
    pathParams: workspaceId,
    current,
    success: { status: 204, description: "Deleted." },
    async handle(context) {
      await deleteWorkspace(context.services, context.actor, { workspaceId: context.params.id! });
      return { status: 204 };
    },
  }),
  operation({
    method: "GET",
    path: "/workspaces/{id}/members",
    operationId: "listMembers",
    summary: "A workspace's members and their roles",
    tag: "Workspaces",
    permission: "workspace.read",
    paginated: true,
    pathParams: workspaceId,
    query: pageQuery,
    success: { status: 200, description: "One page of members.", schema: pageOf(MemberSchema, "MemberPage") },
    async handle(context) {
      const page = await listMembers(context.services, context.actor, { ...context.query, workspaceId: context.params.id! });
      return { status: 200, body: pageBody(page, memberJson) };
    },
  }),
  operation({
    method: "PATCH",
    path: "/workspaces/{id}/members/{userId}",
    operationId: "changeMemberRole",
    summary: "Change a member's role",
    tag: "Workspaces",
    permission: "members.manage",
    pathParams: memberParams,
    body: changeRoleSchema.pick({ role: true }),
    bodyExample: { role: "VIEWER" },
    success: { status: 200, description: "The member.", schema: MemberSchema },
    async handle(context) {
      const input = { ...(context.body as object), workspaceId: context.params.id!, userId: context.params.userId! } as Parameters<
        typeof changeMemberRole
      >[2];
      return { status: 200, body: memberJson(await changeMemberRole(context.services, context.actor, input)) };
    },
  }),
  operation({
    method: "DELETE",
    path: "/workspaces/{id}/members/{userId}",
    operationId: "removeMember",
    summary: "Remove a member",
    tag: "Workspaces",
    permission: "members.manage",
    pathParams: memberParams,
    success: { status: 204, description: "Removed; their access ends at once." },
    async handle(context) {
      await removeMember(context.services, context.actor, { workspaceId: context.params.id!, userId: context.params.userId! });
      return { status: 204 };
    },
  }),
];
