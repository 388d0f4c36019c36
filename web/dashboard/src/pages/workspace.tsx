import { useEffect, useState } from "preact/hooks";
import { describeError } from "../api/client";
import { request, session } from "../api/session";
import {
  ChangeMemberRole,
  CreateWorkspace,
  DeleteWorkspace,
  LeaveWorkspace,
  Members,
  RemoveMember,
  TransferWorkspaceOwnership,
  UpdateWorkspace,
} from "../api/workspace-operations";
import type { Workspace, WorkspaceRole } from "../api/workspace-operations";
import { reloadWorkspaces, selectWorkspace, useCurrentWorkspace, workspaces } from "../api/workspaces";
import { formatDateTime } from "../lib/format";
import { canManageMember, grantableRoles, ROLE_LABELS, roleCan } from "../lib/permissions";
import { navigate } from "../lib/router";
import { useStore } from "../lib/store";
import { useAction, useAsync } from "../lib/use-async";
import { ConfirmButton, ErrorText, Loading, PageHeader } from "../ui/components";
import { Invitations } from "./invitations";

type Member = NonNullable<ReturnType<typeof membersOf>>[number];
const membersOf = (
  workspace:
    { members: { edges: Array<{ node: { role: WorkspaceRole; joinedAt: string; user: { id: string; email: string } } }> } } | null | undefined,
) => workspace?.members.edges.map((edge) => edge.node);

/** Rethrows as a sentence, for the confirmation dialogs (they show the message where the action was asked). */
const asSentence = (error: unknown) => Promise.reject(new Error(describeError(error)));

/** The selected workspace: its members and invitations, its name, leaving, deleting, and making a new one. */
export function WorkspacePage() {
  const { workspace, role } = useCurrentWorkspace();
  const me = useStore(session);
  const list = useStore(workspaces);
  const myId = me.status === "signedIn" ? me.user.id : "";
  const mayInvite = roleCan(role, "members.invite");
  // Roles may have changed since the list was read (someone else's doing): read them again here.
  useEffect(() => void reloadWorkspaces(), []);
  const details = useAsync(
    () => (workspace ? request(Members, { id: workspace.id, withInvitations: mayInvite }).then((data) => data.workspace) : Promise.resolve(null)),
    [workspace?.id, role],
  );
  const members = membersOf(details.data) ?? [];

  if (!workspace) {
    return (
      <>
        <PageHeader title="Workspace" />
        {list.error ? <ErrorText error={list.error} /> : <Loading what="Loading your workspaces…" />}
      </>
    );
  }
  const myRole = workspace.viewerRole;
  return (
    <>
      <PageHeader title={workspace.name} />
      <p class="muted">
        {workspace.personal ? "Your personal workspace. " : "A team workspace. "}
        Your role here: <strong data-testid="my-role">{ROLE_LABELS[myRole]}</strong>.
      </p>

      <section class="card stack" aria-labelledby="members-title">
        <div class="row between">
          <h2 id="members-title">Members</h2>
          <button type="button" class="secondary small" onClick={() => void details.reload()} disabled={details.loading}>
            Refresh
          </button>
        </div>
        {!roleCan(myRole, "members.manage") ? <p class="muted small">Owners and admins manage members; your role lets you see them.</p> : null}
        <ErrorText error={details.error} />
        {details.loading && !details.data ? (
          <Loading what="Loading members…" />
        ) : (
          <div class="table-wrap">
            <table class="responsive">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Role</th>
                  <th scope="col">Joined</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <MemberRow
                    key={member.user.id}
                    member={member}
                    myRole={myRole}
                    isMe={member.user.id === myId}
                    workspace={workspace}
                    onChanged={details.reload}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {mayInvite ? (
        <Invitations
          workspace={workspace}
          myRole={myRole}
          invitations={details.data?.invitations?.edges.map((edge) => edge.node)}
          onChanged={details.reload}
        />
      ) : null}

      <WorkspaceSettings workspace={workspace} />
      <CreateWorkspaceForm />
    </>
  );
}

function MemberRow({
  member,
  myRole,
  isMe,
  workspace,
  onChanged,
}: {
  member: Member;
  myRole: WorkspaceRole;
  isMe: boolean;
  workspace: Workspace;
  onChanged: () => Promise<void>;
}) {
  const manageable = !isMe && canManageMember(myRole, member.role);
  const changeRole = useAction(async (role: WorkspaceRole) => {
    await request(ChangeMemberRole, { input: { workspaceId: workspace.id, userId: member.user.id, role } });
    await onChanged();
  });
  const roles = grantableRoles(myRole);
  return (
    <tr data-member={member.user.email}>
      <td data-label="Member" class="break">
        {member.user.email}
        {isMe ? <span class="muted small"> (you)</span> : null}
      </td>
      <td data-label="Role">
        {manageable ? (
          <>
            <select
              aria-label={`Role of ${member.user.email}`}
              value={member.role}
              disabled={changeRole.pending}
              onChange={(event) => void changeRole.run(event.currentTarget.value as WorkspaceRole)}
            >
              {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((role) => (
                <option value={role} key={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            <ErrorText error={changeRole.error} />
          </>
        ) : (
          <span data-testid="member-role">{ROLE_LABELS[member.role]}</span>
        )}
      </td>
      <td data-label="Joined">{formatDateTime(member.joinedAt)}</td>
      <td class="row-actions">
        {roleCan(myRole, "workspace.transfer") && !workspace.personal && !isMe ? (
          <ConfirmButton
            label="Make owner"
            title={`Make ${member.user.email} the owner?`}
            message={<p>They become the only owner of {workspace.name}; you become an admin. Only the new owner can give it back.</p>}
            confirmLabel="Transfer ownership"
            onConfirm={async () => {
              await request(TransferWorkspaceOwnership, { input: { workspaceId: workspace.id, userId: member.user.id } }).catch(asSentence);
              await reloadWorkspaces();
            }}
          />
        ) : null}
        {manageable ? (
          <ConfirmButton
            label="Remove"
            danger
            title={`Remove ${member.user.email}?`}
            message={<p>Their access to {workspace.name} ends at once, and their API keys here are revoked.</p>}
            confirmLabel="Remove member"
            onConfirm={async () => {
              await request(RemoveMember, { input: { workspaceId: workspace.id, userId: member.user.id } }).catch(asSentence);
              await onChanged();
            }}
          />
        ) : null}
      </td>
    </tr>
  );
}

/** Rename (OWNER, ADMIN), leave (anyone but the OWNER), delete (OWNER; team workspaces only). */
function WorkspaceSettings({ workspace }: { workspace: Workspace }) {
  const [saved, setSaved] = useState(false);
  const rename = useAction(async (form: HTMLFormElement) => {
    setSaved(false);
    await request(UpdateWorkspace, { input: { workspaceId: workspace.id, name: String(new FormData(form).get("name")).trim() } });
    await reloadWorkspaces();
    setSaved(true);
  });
  const leaveToPersonal = async () => {
    selectWorkspace(null);
    await reloadWorkspaces();
    navigate("/links");
  };
  const role = workspace.viewerRole;
  return (
    <section class="card stack" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {roleCan(role, "workspace.update") ? (
        <form
          class="row wrap align-end"
          onSubmit={(event) => {
            event.preventDefault();
            void rename.run(event.currentTarget);
          }}
        >
          <label class="grow">
            Workspace name
            <input
              name="name"
              required
              maxLength={100}
              defaultValue={workspace.name}
              aria-invalid={rename.errorField === "name" ? true : undefined}
              onInput={() => setSaved(false)}
            />
          </label>
          <button type="submit" disabled={rename.pending}>
            {rename.pending ? "Saving…" : "Rename"}
          </button>
        </form>
      ) : (
        <p class="muted small">Owners and admins can rename this workspace.</p>
      )}
      <ErrorText error={rename.error} />
      {saved ? (
        <p role="status" class="muted small">
          Saved.
        </p>
      ) : null}
      {workspace.personal ? (
        <p class="muted small">Your personal workspace lasts as long as your account: it cannot be left, deleted or given away.</p>
      ) : (
        <div class="row wrap">
          {role !== "OWNER" ? (
            <ConfirmButton
              label="Leave workspace"
              danger
              title={`Leave ${workspace.name}?`}
              message={<p>You lose access at once, and your API keys in it are revoked. Someone must invite you again to come back.</p>}
              confirmLabel="Leave"
              onConfirm={async () => {
                await request(LeaveWorkspace, { input: { workspaceId: workspace.id } }).catch(asSentence);
                await leaveToPersonal();
              }}
            />
          ) : (
            <p class="muted small">As the owner you cannot leave: make another member the owner first.</p>
          )}
          {roleCan(role, "workspace.delete") ? (
            <ConfirmButton
              label="Delete workspace"
              danger
              title={`Delete ${workspace.name}?`}
              message={<p>Every link (and its click history), webhook and API key in it is deleted for good, and every member loses access.</p>}
              confirmLabel="Delete for good"
              onConfirm={async () => {
                await request(DeleteWorkspace, { input: { workspaceId: workspace.id } }).catch(asSentence);
                await leaveToPersonal();
              }}
            />
          ) : null}
        </div>
      )}
    </section>
  );
}

function CreateWorkspaceForm() {
  const create = useAction(async (form: HTMLFormElement) => {
    const { createWorkspace } = await request(CreateWorkspace, { input: { name: String(new FormData(form).get("name")).trim() } });
    form.reset();
    await reloadWorkspaces();
    selectWorkspace(createWorkspace!.workspace!.id);
  });
  return (
    <form
      class="card row wrap align-end"
      aria-labelledby="new-workspace-title"
      onSubmit={(event) => {
        event.preventDefault();
        void create.run(event.currentTarget);
      }}
    >
      <h2 id="new-workspace-title" class="full">
        New workspace
      </h2>
      <label class="grow">
        Name of the new workspace
        <input name="name" required maxLength={100} placeholder="e.g. Marketing" aria-invalid={create.errorField === "name" ? true : undefined} />
      </label>
      <button type="submit" disabled={create.pending}>
        {create.pending ? "Creating…" : "Create workspace"}
      </button>
      <ErrorText error={create.error} />
    </form>
  );
}
