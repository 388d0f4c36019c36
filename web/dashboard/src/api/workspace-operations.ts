// Workspaces, members, invitations and the instance overview (persisted-queries/dashboard/workspaces.graphql, instance.graphql).
import type * as G from "../../../../persisted-queries/dashboard/__generated__/graphql";
import { operation } from "./operations";

export const Workspaces = operation<G.DashboardWorkspacesQuery, G.DashboardWorkspacesQueryVariables>("DashboardWorkspaces");
export const Members = operation<G.DashboardMembersQuery, G.DashboardMembersQueryVariables>("DashboardMembers");
export const CreateWorkspace = operation<G.DashboardCreateWorkspaceMutation, G.DashboardCreateWorkspaceMutationVariables>("DashboardCreateWorkspace");
export const UpdateWorkspace = operation<G.DashboardUpdateWorkspaceMutation, G.DashboardUpdateWorkspaceMutationVariables>("DashboardUpdateWorkspace");
export const DeleteWorkspace = operation<G.DashboardDeleteWorkspaceMutation, G.DashboardDeleteWorkspaceMutationVariables>("DashboardDeleteWorkspace");
export const InviteMember = operation<G.DashboardInviteMemberMutation, G.DashboardInviteMemberMutationVariables>("DashboardInviteMember");
export const RevokeInvitation = operation<G.DashboardRevokeInvitationMutation, G.DashboardRevokeInvitationMutationVariables>(
  "DashboardRevokeInvitation",
);
export const AcceptInvitation = operation<G.DashboardAcceptInvitationMutation, G.DashboardAcceptInvitationMutationVariables>(
  "DashboardAcceptInvitation",
);
export const DeclineInvitation = operation<G.DashboardDeclineInvitationMutation, G.DashboardDeclineInvitationMutationVariables>(
  "DashboardDeclineInvitation",
);
export const ChangeMemberRole = operation<G.DashboardChangeMemberRoleMutation, G.DashboardChangeMemberRoleMutationVariables>(
  "DashboardChangeMemberRole",
);
export const RemoveMember = operation<G.DashboardRemoveMemberMutation, G.DashboardRemoveMemberMutationVariables>("DashboardRemoveMember");
export const LeaveWorkspace = operation<G.DashboardLeaveWorkspaceMutation, G.DashboardLeaveWorkspaceMutationVariables>("DashboardLeaveWorkspace");
export const TransferWorkspaceOwnership = operation<
  G.DashboardTransferWorkspaceOwnershipMutation,
  G.DashboardTransferWorkspaceOwnershipMutationVariables
>("DashboardTransferWorkspaceOwnership");
export const InstanceOverview = operation<G.DashboardInstanceOverviewQuery, G.DashboardInstanceOverviewQueryVariables>("DashboardInstanceOverview");

export type Workspace = G.DashboardWorkspaceFragment;
export type Invitation = G.DashboardInvitationFragment;
export type { WorkspaceRole } from "../../../../persisted-queries/dashboard/__generated__/graphql";
