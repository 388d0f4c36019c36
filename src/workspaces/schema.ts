import type { Actor } from "../access/actor.js";
import { WORKSPACE_ROLES } from "../access/permissions.js";
import { builder } from "../graphql/builder.js";
import { nodeAuthorizer } from "../graphql/node-auth.js";
import { objectPayload, payload } from "../graphql/payload.js";
import type { Membership, User as PrismaUser } from "../generated/prisma/client.js";
import { User } from "../identity/schema.js";
import { findMe } from "../identity/find-users.js";
import { toPublicId } from "../platform/public-id.js";
import {
  authorizeInvitationRead,
  authorizeWorkspaceRead,
  findWorkspace,
  listInvitations,
  listMembers,
  listMyWorkspaces,
  roleIn,
} from "./find-workspaces.js";
import { acceptInvitation, declineInvitation, invitationStatus, inviteMember, revokeInvitation } from "./invitations.js";
import { createWorkspace, deleteWorkspace, updateWorkspace } from "./manage-workspaces.js";
import { changeMemberRole, leaveWorkspace, removeMember, transferWorkspaceOwnership } from "./memberships.js";

const WorkspaceRole = builder.enumType("WorkspaceRole", {
  description: "A member's role; what each may do is the permission table in the README (src/access/permissions.ts).",
  values: WORKSPACE_ROLES,
});

const InvitationStatus = builder.enumType("WorkspaceInvitationStatus", {
  values: ["PENDING", "ACCEPTED", "DECLINED", "REVOKED", "EXPIRED"] as const,
});

type MemberRow = Membership & { user: PrismaUser };

const WorkspaceMember = builder.objectRef<MemberRow>("WorkspaceMember").implement({
  description: "A person's membership of a workspace.",
  fields: (t) => ({
    user: t.field({ type: User, resolve: (member) => member.user }),
    role: t.expose("role", { type: WorkspaceRole }),
    joinedAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

nodeAuthorizer("WorkspaceInvitation", (context, id) => authorizeInvitationRead(context.services, context.actor, id));

export const WorkspaceInvitation = builder.prismaNode("Invitation", {
  name: "WorkspaceInvitation",
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    email: t.exposeString("email"),
    role: t.expose("role", { type: WorkspaceRole }),
    status: t.field({ type: InvitationStatus, resolve: (invitation) => invitationStatus(invitation) }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    invitedBy: t.relation("invitedBy", { nullable: true }),
    workspace: t.relation("workspace"),
  }),
});

nodeAuthorizer("Workspace", (context, id) => authorizeWorkspaceRead(context.services, context.actor, id));

export const Workspace = builder.prismaNode("Workspace", {
  id: { field: "id" },
  nullable: true,
  description: "Owns links, webhooks, API keys and analytics; people take part in it with a role.",
  fields: (t) => ({
    name: t.exposeString("name"),
    personal: t.boolean({
      description: "Someone's personal workspace, made at sign-up: it cannot be deleted or transferred.",
      resolve: (w) => w.personalOwnerId !== null,
    }),
    viewerRole: t.field({ type: WorkspaceRole, description: "Your role here.", resolve: (w, _args, context) => roleIn(context.actor, w.id) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    members: t.connection(
      {
        type: WorkspaceMember,
        resolve: (w, args, context) => listMembers(context.services, context.actor, { ...args, workspaceId: toWorkspaceId(w.id) }),
      },
      { name: "WorkspaceMemberConnection" },
      { name: "WorkspaceMemberEdge" },
    ),
    invitations: t.connection(
      {
        type: WorkspaceInvitation,
        description: "Invitations, newest first (OWNER and ADMIN).",
        resolve: (w, args, context) => listInvitations(context.services, context.actor, { ...args, workspaceId: toWorkspaceId(w.id) }),
      },
      { name: "WorkspaceInvitationConnection" },
      { name: "WorkspaceInvitationEdge" },
    ),
  }),
});

// Use cases take public ids, as every client sends them.
const toWorkspaceId = (id: string) => toPublicId("Workspace", id);

const Viewer = builder.objectRef<Actor>("Viewer").implement({
  description: "Who is calling and where they can act.",
  fields: (t) => ({
    user: t.prismaField({ type: User, nullable: true, resolve: (query, actor, _args, context) => findMe(context.services, actor, query) }),
    instanceAdmin: t.boolean({
      description: "Instance administrators see every workspace (`npm run admin -- grant <email>`).",
      resolve: (actor) => actor.isInstanceAdmin(),
    }),
    workspace: t.field({
      type: Workspace,
      description: "The selected workspace (X-Workspace-Id, or connection_init workspaceId; default your personal one, or an API key's).",
      resolve: (actor, _args, context) => findWorkspace(context.services, actor, {}),
    }),
    workspaces: t.connection(
      {
        type: Workspace,
        description: "Every workspace you are a member of.",
        resolve: (actor, args, context) => listMyWorkspaces(context.services, actor, args),
      },
      { name: "WorkspaceConnection" },
      { name: "WorkspaceEdge" },
    ),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: "The caller (null when anonymous).",
    resolve: (_root, _args, context) => (context.actor.userId ? context.actor : null),
  }),
);

builder.queryField("workspace", (t) =>
  t.field({
    type: Workspace,
    nullable: true,
    description: "A workspace you are a member of; without id, the selected one.",
    args: { id: t.arg.id() },
    resolve: (_root, args, context) => findWorkspace(context.services, context.actor, { workspaceId: args.id?.toString() }),
  }),
);

const workspacePayload = objectPayload("workspace", Workspace);
const memberPayload = objectPayload("member", WorkspaceMember);
const invitationPayload = objectPayload("invitation", WorkspaceInvitation);
const optionalWorkspaceId = "The workspace; default the X-Workspace-Id header, else your personal one.";

builder.relayMutationField(
  "createWorkspace",
  { inputFields: (t) => ({ name: t.string({ required: true }) }) },
  {
    description: "Creates a team workspace; you are its OWNER.",
    resolve: async (_root, { input }, context) => ({ workspace: await createWorkspace(context.services, context.actor, input) }),
  },
  workspacePayload,
);

builder.relayMutationField(
  "updateWorkspace",
  { inputFields: (t) => ({ workspaceId: t.id({ description: optionalWorkspaceId }), name: t.string({ required: true }) }) },
  {
    description: "Renames a workspace (OWNER, ADMIN).",
    resolve: async (_root, { input }, context) => ({
      workspace: await updateWorkspace(context.services, context.actor, { ...input, workspaceId: input.workspaceId?.toString() }),
    }),
  },
  workspacePayload,
);

builder.relayMutationField(
  "deleteWorkspace",
  { inputFields: (t) => ({ workspaceId: t.id({ required: true }) }) },
  {
    description: "Deletes a team workspace and everything in it (OWNER).",
    resolve: async (_root, { input }, context) => {
      await deleteWorkspace(context.services, context.actor, { workspaceId: String(input.workspaceId) });
      return { deletedId: String(input.workspaceId) };
    },
  },
  payload<{ deletedId: string }>((t) => ({ deletedId: t.exposeID("deletedId") })),
);

builder.relayMutationField(
  "inviteMember",
  {
    inputFields: (t) => ({
      workspaceId: t.id({ description: optionalWorkspaceId }),
      email: t.string({ required: true }),
      role: t.field({ type: WorkspaceRole, required: true, description: "ADMIN, MEMBER or VIEWER; at most your own role." }),
    }),
  },
  {
    description:
      "Invites an email address (OWNER, ADMIN). The single-use token is returned now (and sent to the workspace's webhooks as workspace.member.invited); it expires after INVITATION_TTL_HOURS.",
    resolve: (_root, { input }, context) => inviteMember(context.services, context.actor, { ...input, workspaceId: input.workspaceId?.toString() }),
  },
  payload<{ invitation: unknown; token: string }>((t) => ({
    invitation: t.field({ type: WorkspaceInvitation, resolve: (result) => result.invitation as never }),
    token: t.exposeString("token", { description: "Give it to the invitee: acceptInvitation(input: {token}). Shown only now." }),
  })),
);

builder.relayMutationField(
  "acceptInvitation",
  { inputFields: (t) => ({ token: t.string({ required: true }) }) },
  {
    description: "Joins the workspace; the invitation must be addressed to your account's email.",
    resolve: async (_root, { input }, context) => ({ workspace: await acceptInvitation(context.services, context.actor, input) }),
  },
  workspacePayload,
);

builder.relayMutationField(
  "declineInvitation",
  { inputFields: (t) => ({ token: t.string({ required: true }) }) },
  { resolve: async (_root, { input }, context) => ({ invitation: await declineInvitation(context.services, context.actor, input) }) },
  invitationPayload,
);

builder.relayMutationField(
  "revokeInvitation",
  { inputFields: (t) => ({ id: t.id({ required: true }) }) },
  {
    description: "Withdraws an invitation (OWNER, ADMIN); its token stops working.",
    resolve: async (_root, { input }, context) => ({ invitation: await revokeInvitation(context.services, context.actor, { id: String(input.id) }) }),
  },
  invitationPayload,
);

const memberInput = (
  t: PothosSchemaTypes.InputFieldBuilder<
    PothosSchemaTypes.ExtendDefaultTypes<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never>,
    "InputObject"
  >,
) => ({
  workspaceId: t.id({ description: optionalWorkspaceId }),
  userId: t.id({ required: true, description: "The member's User id." }),
});

builder.relayMutationField(
  "changeMemberRole",
  { inputFields: (t) => ({ ...memberInput(t), role: t.field({ type: WorkspaceRole, required: true }) }) },
  {
    description:
      "Changes the role of someone ranked below you (OWNER, ADMIN); ends their live subscriptions so they resubscribe with the new rights.",
    resolve: async (_root, { input }, context) => ({
      member: await changeMemberRole(context.services, context.actor, {
        ...input,
        workspaceId: input.workspaceId?.toString(),
        userId: String(input.userId),
      }),
    }),
  },
  memberPayload,
);

builder.relayMutationField(
  "removeMember",
  { inputFields: (t) => memberInput(t) },
  {
    description: "Removes someone ranked below you (OWNER, ADMIN): their access, API keys and live subscriptions end at once.",
    resolve: async (_root, { input }, context) => ({
      member: await removeMember(context.services, context.actor, { workspaceId: input.workspaceId?.toString(), userId: String(input.userId) }),
    }),
  },
  memberPayload,
);

builder.relayMutationField(
  "leaveWorkspace",
  { inputFields: (t) => ({ workspaceId: t.id({ required: true }) }) },
  {
    description: "Leaves a workspace (not as its OWNER: transfer ownership first).",
    resolve: async (_root, { input }, context) => ({
      member: await leaveWorkspace(context.services, context.actor, { workspaceId: String(input.workspaceId) }),
    }),
  },
  memberPayload,
);

builder.relayMutationField(
  "transferWorkspaceOwnership",
  { inputFields: (t) => memberInput(t) },
  {
    description: "Makes another member the OWNER (OWNER only); you become an ADMIN. Personal workspaces cannot be transferred.",
    resolve: async (_root, { input }, context) => ({
      member: await transferWorkspaceOwnership(context.services, context.actor, {
        workspaceId: input.workspaceId?.toString(),
        userId: String(input.userId),
      }),
    }),
  },
  memberPayload,
);
