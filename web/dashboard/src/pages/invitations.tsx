import { useState } from "preact/hooks";
import { describeError } from "../api/client";
import { request } from "../api/session";
import { InviteMember, RevokeInvitation, type Invitation, type Workspace, type WorkspaceRole } from "../api/workspace-operations";
import { formatDateTime } from "../lib/format";
import { grantableRoles, ROLE_LABELS } from "../lib/permissions";
import { BASE } from "../lib/router";
import { useAction } from "../lib/use-async";
import { ConfirmButton, CopyButton, Empty, StatusBadge, ErrorText } from "../ui/components";

/** The link an invitee opens: the dashboard's invitation page, which accepts or declines the token. */
const invitationLink = (token: string) => `${location.origin}${BASE}/invitations/${encodeURIComponent(token)}`;

/** Inviting by email with a role (OWNER, ADMIN), the one-time link to pass on, and the invitations sent. */
export function Invitations(props: { workspace: Workspace; myRole: WorkspaceRole; invitations?: Invitation[]; onChanged: () => Promise<void> }) {
  const [sent, setSent] = useState<{ email: string; link: string }>();
  const [role, setRole] = useState<WorkspaceRole>("MEMBER");
  const invite = useAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const email = String(data.get("email")).trim();
    const { inviteMember } = await request(InviteMember, { input: { workspaceId: props.workspace.id, email, role } });
    setSent({ email, link: invitationLink(inviteMember!.token) });
    form.reset();
    await props.onChanged();
  });
  const roles = grantableRoles(props.myRole);
  const invitations = props.invitations ?? [];
  return (
    <section class="card stack" aria-labelledby="invite-title">
      <h2 id="invite-title">Invitations</h2>
      <form
        class="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void invite.run(event.currentTarget);
        }}
      >
        <label>
          Email to invite
          <input name="email" type="email" required autocomplete="off" aria-invalid={invite.errorField === "email" ? true : undefined} />
        </label>
        <label>
          Role to give
          <select name="role" value={role} onChange={(event) => setRole(event.currentTarget.value as WorkspaceRole)}>
            {roles.map((role) => (
              <option value={role} key={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </label>
        <ErrorText error={invite.error} />
        <div class="row wide">
          <button type="submit" disabled={invite.pending}>
            {invite.pending ? "Inviting…" : "Invite"}
          </button>
        </div>
      </form>
      {sent ? (
        <div class="secret" role="region" aria-label="Invitation link">
          <p>
            <strong>Send this link to {sent.email}.</strong> It works once, only for that address, and is shown only now. The workspace's webhooks
            also receive it (<code>workspace.member.invited</code>), for a mail integration.
          </p>
          <div class="row">
            <code class="secret-value" data-testid="invitation-link">
              {sent.link}
            </code>
            <CopyButton text={sent.link} label="Copy link" />
          </div>
          <button type="button" class="secondary small" onClick={() => setSent(undefined)}>
            Done
          </button>
        </div>
      ) : null}
      {invitations.length === 0 ? (
        <Empty>
          <p>No invitations yet.</p>
        </Empty>
      ) : (
        <div class="table-wrap">
          <table class="responsive">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id} data-invitation={invitation.email} data-status={invitation.status}>
                  <td data-label="Email" class="break">
                    {invitation.email}
                  </td>
                  <td data-label="Role">{ROLE_LABELS[invitation.role]}</td>
                  <td data-label="Status">
                    <StatusBadge status={invitation.status} />
                  </td>
                  <td data-label="Expires">{formatDateTime(invitation.expiresAt)}</td>
                  <td class="row-actions">
                    {invitation.status === "PENDING" ? (
                      <ConfirmButton
                        label="Revoke"
                        danger
                        title={`Revoke the invitation for ${invitation.email}?`}
                        message={<p>Its link stops working at once.</p>}
                        confirmLabel="Revoke invitation"
                        onConfirm={async () => {
                          await request(RevokeInvitation, { input: { id: invitation.id } }).catch((error) =>
                            Promise.reject(new Error(describeError(error))),
                          );
                          await props.onChanged();
                        }}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
