import { useState } from "preact/hooks";
import { CreateWebhook, Webhooks, type WebhookEvent } from "../api/operations";
import { request } from "../api/session";
import { useCurrentWorkspace } from "../api/workspaces";
import { formatRelative } from "../lib/format";
import { Link } from "../lib/router";
import { useAction, useAsync } from "../lib/use-async";
import { Empty, ErrorText, Loading, PageHeader, SecretOnce } from "../ui/components";

// A Record, so a new WebhookEvent in the schema fails the type check until it has a label here.
const EVENT_LABELS: Record<WebhookEvent, string> = {
  LINK_CREATED: "Link created",
  LINK_UPDATED: "Link updated",
  LINK_DELETED: "Link deleted",
  LINK_CLICKS_MILESTONE: "Click milestone reached",
  WORKSPACE_MEMBER_INVITED: "Member invited to the workspace",
};
export const WEBHOOK_EVENTS = Object.entries(EVENT_LABELS) as Array<[WebhookEvent, string]>;

export function EventCheckboxes({ selected }: { selected?: WebhookEvent[] }) {
  return (
    <fieldset class="checks">
      <legend>Events</legend>
      {WEBHOOK_EVENTS.map(([event, label]) => (
        <label class="check" key={event}>
          <input type="checkbox" name="events" value={event} defaultChecked={selected ? selected.includes(event) : true} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Your endpoints, and a form to add one (its signing secret is shown once). */
export function WebhooksPage() {
  const list = useAsync(() => request(Webhooks, { first: 50 }).then((data) => data.webhooks!.edges.map((edge) => edge.node)), []);
  const [secret, setSecret] = useState<string>();
  const canManage = useCurrentWorkspace().can("webhooks.manage");
  const create = useAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const events = data.getAll("events").map(String) as WebhookEvent[];
    const description = String(data.get("description") ?? "").trim();
    const { createWebhook } = await request(CreateWebhook, {
      input: { url: String(data.get("url")).trim(), events, description: description || undefined },
    });
    setSecret(createWebhook!.secret);
    form.reset();
    await list.reload();
  });

  return (
    <>
      <PageHeader title="Webhooks" />
      <p class="muted">
        Linkgraph POSTs signed events (Standard Webhooks) to your endpoints when your links change, and retries until they answer 2xx.
      </p>
      {secret ? <SecretOnce secret={secret} what="webhook signing secret" onDone={() => setSecret(undefined)} /> : null}
      <ErrorText error={list.error} />
      {list.loading && !list.data ? (
        <Loading what="Loading webhooks…" />
      ) : list.data?.length === 0 ? (
        <Empty>
          <p>No webhooks yet.{canManage ? " Add an endpoint below." : ""}</p>
        </Empty>
      ) : (
        <ul class="cards">
          {list.data?.map((webhook) => (
            <li class="card" key={webhook.id} data-webhook={webhook.url}>
              <Link href={`/webhooks/${encodeURIComponent(webhook.id)}`} class="strong">
                {webhook.url}
              </Link>
              {webhook.description ? <p class="muted">{webhook.description}</p> : null}
              <p class="small">
                <span class={`badge ${webhook.enabled ? "badge-active" : "badge-expired"}`}>{webhook.enabled ? "Enabled" : "Disabled"}</span>{" "}
                {webhook.events.map((event) => WEBHOOK_EVENTS.find(([e]) => e === event)?.[1] ?? event).join(", ")}
                {webhook.consecutiveFailures > 0 ? <span class="error-text"> · {webhook.consecutiveFailures} failures in a row</span> : null}
                <span class="muted"> · added {formatRelative(webhook.createdAt)}</span>
              </p>
              {webhook.disabledReason ? <p class="error-text small">{webhook.disabledReason}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <form
          class="card form-grid"
          aria-labelledby="new-webhook"
          onSubmit={(event) => {
            event.preventDefault();
            void create.run(event.currentTarget);
          }}
        >
          <h2 id="new-webhook" class="wide">
            Add an endpoint
          </h2>
          <label class="wide">
            Endpoint URL
            <input name="url" type="url" required placeholder="https://partner.example/hooks" />
          </label>
          <label class="wide">
            Description <span class="muted">(optional)</span>
            <input name="description" maxLength={200} />
          </label>
          <div class="wide">
            <EventCheckboxes />
          </div>
          <ErrorText error={create.error} />
          <div class="row wide">
            <button type="submit" disabled={create.pending}>
              {create.pending ? "Adding…" : "Add endpoint"}
            </button>
          </div>
        </form>
      ) : (
        <p class="muted">Owners and admins add and change webhooks; your role here lets you see them and their deliveries.</p>
      )}
    </>
  );
}
