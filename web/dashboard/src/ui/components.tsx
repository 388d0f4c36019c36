import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

export function ErrorText({ error, id }: { error?: string; id?: string }) {
  return error ? (
    <p class="error" role="alert" id={id}>
      {error}
    </p>
  ) : null;
}

export function Loading({ what = "Loading…" }: { what?: string }) {
  return (
    <p class="muted loading" role="status" aria-live="polite">
      {what}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Linkgraph`;
  }, [title]);
  return (
    <div class="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children ? <div class="actions">{children}</div> : null}
    </div>
  );
}

/** Copies text to the clipboard and says so. */
export function CopyButton({ text, label = "Copy", class: className }: { text: string; label?: string; class?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard API refused (permissions, http): fall back to a selection copy.
      const area = document.createElement("textarea");
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2_000);
  };
  return (
    <button type="button" class={`secondary small ${className ?? ""}`} onClick={copy} aria-label={`${label}: ${text}`}>
      {copied ? "Copied ✓" : label}
      <span class="visually-hidden" aria-live="polite">
        {copied ? "Copied to the clipboard" : ""}
      </span>
    </button>
  );
}

/** A button that asks first, in a modal dialog (focus trapped, Escape cancels). */
export function ConfirmButton(props: {
  label: string;
  title: string;
  message: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | void;
  danger?: boolean;
  class?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const confirm = async () => {
    setPending(true);
    setError(undefined);
    try {
      await props.onConfirm();
      dialog.current?.close();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <button type="button" class={`${props.danger ? "danger" : "secondary"} small ${props.class ?? ""}`} onClick={() => dialog.current?.showModal()}>
        {props.label}
      </button>
      <dialog ref={dialog} aria-labelledby="confirm-title" class="confirm">
        <h2 id="confirm-title">{props.title}</h2>
        <div>{props.message}</div>
        <ErrorText error={error} />
        <div class="row end">
          <button type="button" class="secondary" onClick={() => dialog.current?.close()} autofocus>
            Cancel
          </button>
          <button type="button" class={props.danger ? "danger" : ""} onClick={confirm} disabled={pending}>
            {pending ? "Working…" : props.confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}

/** A secret returned once by the API (API key, webhook signing secret). */
export function SecretOnce({ secret, what, onDone }: { secret: string; what: string; onDone: () => void }) {
  return (
    <div class="secret" role="region" aria-label={`New ${what}`}>
      <p>
        <strong>Copy your {what} now.</strong> It is shown only this once; only a hash is kept.
      </p>
      <div class="row">
        <code class="secret-value" data-testid="secret">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy secret" />
      </div>
      <button type="button" class="secondary small" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge badge-${status.toLowerCase()}`}>{status.charAt(0) + status.slice(1).toLowerCase()}</span>;
}
