import { useState } from "preact/hooks";
import { ApiError, describeError } from "../api/client";
import { request, session, signOut } from "../api/session";
import { AcceptInvitation, DeclineInvitation, type Workspace } from "../api/workspace-operations";
import { reloadWorkspaces, selectWorkspace } from "../api/workspaces";
import { ROLE_LABELS } from "../lib/permissions";
import { navigate } from "../lib/router";
import { useStore } from "../lib/store";
import { useAction } from "../lib/use-async";
import { ErrorText, PageHeader } from "../ui/components";

/** /invitations/<token>: the invited person accepts (joins with the invitation's role) or declines. */
export function InvitationPage({ token }: { token: string }) {
  const state = useStore(session);
  const email = state.status === "signedIn" ? state.user.email : "";
  const [joined, setJoined] = useState<Workspace>();
  const [declined, setDeclined] = useState(false);
  const [wrongAccount, setWrongAccount] = useState(false);
  const answer = useAction(async (accept: boolean) => {
    setWrongAccount(false);
    try {
      if (accept) {
        const { acceptInvitation } = await request(AcceptInvitation, { input: { token } });
        setJoined(acceptInvitation!.workspace!);
        await reloadWorkspaces();
      } else {
        await request(DeclineInvitation, { input: { token } });
        setDeclined(true);
      }
    } catch (error) {
      // An invitation is for one address: say which account is signed in, and offer to switch.
      if (error instanceof ApiError && error.code === "FORBIDDEN") setWrongAccount(true);
      throw new Error(
        error instanceof ApiError && error.code === "NOT_FOUND"
          ? "This invitation link is not valid: check that it was copied whole."
          : describeError(error),
      );
    }
  });

  return (
    <>
      <PageHeader title="Invitation" />
      {joined ? (
        <div class="card" role="status">
          <p>
            You joined <strong>{joined.name}</strong> as {ROLE_LABELS[joined.viewerRole]}.
          </p>
          <button
            type="button"
            onClick={() => {
              selectWorkspace(joined.id);
              navigate("/links");
            }}
          >
            Open {joined.name}
          </button>
        </div>
      ) : declined ? (
        <p class="card" role="status">
          You declined the invitation. Nothing was changed.
        </p>
      ) : (
        <div class="card">
          <p>
            You have been invited to join a workspace on Linkgraph. You are signed in as <strong>{email}</strong>; the invitation must be addressed to
            this email.
          </p>
          <ErrorText error={answer.error} />
          {wrongAccount ? (
            <p>
              <button type="button" class="secondary" onClick={() => void signOut().catch(() => {})}>
                Sign out and use another account
              </button>
            </p>
          ) : null}
          <div class="row wrap">
            <button type="button" disabled={answer.pending} onClick={() => void answer.run(true)}>
              Accept invitation
            </button>
            <button type="button" class="secondary" disabled={answer.pending} onClick={() => void answer.run(false)}>
              Decline
            </button>
          </div>
        </div>
      )}
    </>
  );
}
