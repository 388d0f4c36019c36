import { useEffect, useState } from "preact/hooks";
import { send } from "../api/client";
import { SignInProviders } from "../api/operations";
import { signIn, signUp, type SessionState } from "../api/session";
import { ErrorText } from "../ui/components";
import { useAction, useAsync } from "../lib/use-async";

type Mode = "sign-in" | "sign-up";

/** Signed out: password sign-in, account creation and one button per OpenID Connect provider. */
export function SignInPage({ notice }: { notice?: Extract<SessionState, { status: "signedOut" }>["notice"] }) {
  const [mode, setMode] = useState<Mode>("sign-in");
  const providers = useAsync(() => send(SignInProviders, {}).then((data) => data.signInProviders), []);
  const action = useAction(async (email: string, password: string) => (mode === "sign-in" ? signIn(email, password) : signUp(email, password)));
  useEffect(() => {
    document.title = mode === "sign-in" ? "Sign in · Linkgraph" : "Create an account · Linkgraph";
  }, [mode]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void action.run(String(form.get("email")), String(form.get("password")));
  };
  const returnTo = location.pathname.startsWith("/dashboard") ? location.pathname : "/dashboard";

  return (
    <main id="main" class="sign-in">
      <div class="card sign-in-card">
        <p class="brand">Linkgraph</p>
        <h1 tabIndex={-1}>{mode === "sign-in" ? "Sign in" : "Create your account"}</h1>
        {notice ? (
          <p
            class={notice.tone === "error" ? "notice error" : "notice"}
            role={notice.tone === "error" ? "alert" : "status"}
            data-testid="session-notice"
          >
            {notice.text}
          </p>
        ) : null}
        {location.pathname.startsWith("/dashboard/invitations/") ? (
          <p class="notice" role="status">
            You have an invitation: sign in, or create an account, with the email address it was sent to, then accept it.
          </p>
        ) : null}
        <div class="segmented" role="group" aria-label="Choose">
          <button type="button" aria-pressed={mode === "sign-in"} onClick={() => (setMode("sign-in"), action.clearError())}>
            Sign in
          </button>
          <button type="button" aria-pressed={mode === "sign-up"} onClick={() => (setMode("sign-up"), action.clearError())}>
            Create account
          </button>
        </div>
        <form onSubmit={onSubmit} aria-describedby={action.error ? "sign-in-error" : undefined} data-mode={mode}>
          <label>
            Email
            <input name="email" type="email" autocomplete="username" required autofocus />
          </label>
          <label>
            Password
            <input
              name="password"
              type="password"
              autocomplete={mode === "sign-in" ? "current-password" : "new-password"}
              required
              minLength={mode === "sign-up" ? 8 : undefined}
            />
          </label>
          <ErrorText error={action.error} id="sign-in-error" />
          <button type="submit" disabled={action.pending}>
            {action.pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
          </button>
        </form>
        {providers.data && providers.data.length > 0 ? (
          <div class="providers">
            <p class="divider">
              <span>or</span>
            </p>
            {providers.data.map((provider) => {
              const url = new URL(provider.loginUrl, location.href);
              url.searchParams.set("return_to", returnTo);
              return (
                <a class="button secondary provider" href={url.href} key={provider.id} data-provider={provider.id}>
                  Continue with {provider.name}
                </a>
              );
            })}
          </div>
        ) : null}
        <ErrorText error={providers.error} />
      </div>
    </main>
  );
}
