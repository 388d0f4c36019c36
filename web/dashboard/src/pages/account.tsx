import { Me } from "../api/operations";
import { changePassword, request, signOut } from "../api/session";
import { formatDateTime } from "../lib/format";
import { useAction, useAsync } from "../lib/use-async";
import { ConfirmButton, ErrorText, Loading, PageHeader } from "../ui/components";
import { useState } from "preact/hooks";

/** Who you are, your password, and signing out here or everywhere. */
export function AccountPage() {
  const me = useAsync(() => request(Me, {}).then((data) => data.me), []);
  const [done, setDone] = useState(false);
  const change = useAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const next = String(data.get("newPassword"));
    if (next !== String(data.get("confirmPassword"))) throw new Error("The new passwords do not match.");
    await changePassword(String(data.get("currentPassword")), next);
    form.reset();
    setDone(true);
  });
  if (me.loading && !me.data) return <Loading />;
  const user = me.data;
  return (
    <>
      <PageHeader title="Account" />
      <ErrorText error={me.error} />
      {user ? (
        <dl class="card facts">
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{user.role === "ADMIN" ? "Instance administrator" : "User"}</dd>
          <dt>Member since</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </dl>
      ) : null}
      {user?.hasPassword === false ? (
        <p class="card muted">You sign in through an identity provider; this account has no password to change.</p>
      ) : (
        <form
          class="card form-grid"
          aria-labelledby="change-password"
          onSubmit={(event) => {
            event.preventDefault();
            setDone(false);
            void change.run(event.currentTarget);
          }}
        >
          <h2 id="change-password" class="wide">
            Change password
          </h2>
          <label class="wide">
            Current password
            <input name="currentPassword" type="password" autocomplete="current-password" required />
          </label>
          <label>
            New password
            <input name="newPassword" type="password" autocomplete="new-password" required minLength={8} />
          </label>
          <label>
            New password, again
            <input name="confirmPassword" type="password" autocomplete="new-password" required minLength={8} />
          </label>
          <ErrorText error={change.error} />
          {done ? (
            <p class="notice wide" role="status">
              Password changed. Your other devices have been signed out.
            </p>
          ) : null}
          <div class="row wide">
            <button type="submit" disabled={change.pending}>
              Change password
            </button>
          </div>
        </form>
      )}
      <section class="card" aria-labelledby="sessions">
        <h2 id="sessions">Sessions</h2>
        <div class="row wrap">
          <button type="button" class="secondary" onClick={() => void signOut().catch(() => {})}>
            Sign out
          </button>
          <ConfirmButton
            label="Sign out everywhere"
            danger
            title="Sign out on every device?"
            message={<p>Every session of your account ends, this one included. API keys keep working.</p>}
            confirmLabel="Sign out everywhere"
            onConfirm={() => signOut(true)}
          />
        </div>
      </section>
    </>
  );
}
