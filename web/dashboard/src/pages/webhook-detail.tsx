import { useEffect, useState } from "preact/hooks";
import { describeError } from "../api/client";
import {
  DeleteWebhook,
  RedeliverWebhookDelivery,
  RotateWebhookSecret,
  SendTestWebhookEvent,
  UpdateWebhook,
  WebhookDeliveries,
  WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEvent,
} from "../api/operations";
import { request } from "../api/session";
import { formatDateTime, formatRelative } from "../lib/format";
import { navigate } from "../lib/router";
import { useAction, useAsync } from "../lib/use-async";
import { ConfirmButton, Empty, ErrorText, Loading, PageHeader, SecretOnce, StatusBadge } from "../ui/components";
import { EventCheckboxes } from "./webhooks";

const GRACE: Array<[number, string]> = [
  [0, "No grace: the old secret stops now"],
  [3_600, "1 hour"],
  [86_400, "1 day"],
  [604_800, "7 days"],
];

/** One endpoint: settings, secret rotation, test event, and the delivery log with every attempt. */
export function WebhookDetailPage({ id }: { id: string }) {
  const [status, setStatus] = useState<WebhookDeliveryStatus | "">("");
  const [secret, setSecret] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const setOpen = (deliveryId: string, open: boolean) =>
    setOpened((current) => {
      const next = new Set(current);
      if (open) next.add(deliveryId);
      else next.delete(deliveryId);
      return next;
    });
  const data = useAsync(() => request(WebhookDeliveries, { id, first: 50, status: status || undefined }).then((result) => result.node), [id, status]);
  const webhook = data.data && "url" in data.data ? data.data : undefined;

  // Pending deliveries move on their own: poll while any is pending.
  const pending = webhook?.deliveries.edges.some((edge) => edge.node.status === "PENDING");
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void data.reload(), 2_000);
    return () => clearInterval(timer);
  }, [pending]);

  const save = useAction(async (form: HTMLFormElement) => {
    const values = new FormData(form);
    await request(UpdateWebhook, {
      input: {
        id,
        url: String(values.get("url")).trim(),
        description: String(values.get("description") ?? "").trim() || null,
        events: values.getAll("events").map(String) as WebhookEvent[],
      },
    });
    setNotice("Saved.");
    await data.reload();
  });
  const toggle = useAction(async (enabled: boolean) => {
    await request(UpdateWebhook, { input: { id, enabled } });
    await data.reload();
  });
  const rotate = useAction(async (grace: number) => {
    const { rotateWebhookSecret } = await request(RotateWebhookSecret, { input: { id, gracePeriodSeconds: grace } });
    setSecret(rotateWebhookSecret!.secret);
    await data.reload();
  });
  const test = useAction(async () => {
    await request(SendTestWebhookEvent, { input: { id } });
    setNotice("A webhook.test event is on its way.");
    await data.reload();
  });
  const redeliver = useAction(async (deliveryId: string) => {
    await request(RedeliverWebhookDelivery, { input: { id: deliveryId } });
    await data.reload();
  });

  if (data.loading && !data.data) return <Loading what="Loading the webhook…" />;
  if (!webhook) return <ErrorText error={data.error ?? "There is no such webhook."} />;

  return (
    <>
      <PageHeader title="Webhook">
        <button type="button" class="secondary" onClick={() => void test.run()} disabled={test.pending}>
          Send test event
        </button>
        <ConfirmButton
          label="Delete"
          danger
          title="Delete this webhook?"
          message={<p>Its delivery log is deleted and pending deliveries are dropped.</p>}
          confirmLabel="Delete webhook"
          onConfirm={async () => {
            await request(DeleteWebhook, { input: { id } }).catch((error) => Promise.reject(new Error(describeError(error))));
            navigate("/webhooks");
          }}
        />
      </PageHeader>
      <p class="strong break">{webhook.url}</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorText error={test.error ?? toggle.error} />
      {secret ? <SecretOnce secret={secret} what="new signing secret" onDone={() => setSecret(undefined)} /> : null}
      <div class="grid-2">
        <form
          class="card form-grid"
          aria-labelledby="webhook-settings"
          onSubmit={(event) => {
            event.preventDefault();
            void save.run(event.currentTarget);
          }}
        >
          <h2 id="webhook-settings" class="wide">
            Settings
          </h2>
          <label class="wide">
            Endpoint URL
            <input name="url" type="url" required defaultValue={webhook.url} />
          </label>
          <label class="wide">
            Description
            <input name="description" defaultValue={webhook.description ?? ""} />
          </label>
          <div class="wide">
            <EventCheckboxes selected={webhook.events} />
          </div>
          <ErrorText error={save.error} />
          <div class="row wide">
            <button type="submit" disabled={save.pending}>
              Save
            </button>
          </div>
        </form>
        <div class="card">
          <h2>State</h2>
          <p>
            <span class={`badge ${webhook.enabled ? "badge-active" : "badge-expired"}`}>{webhook.enabled ? "Enabled" : "Disabled"}</span>
            {webhook.disabledReason ? <span class="error-text"> {webhook.disabledReason}</span> : null}
          </p>
          <p class="small muted">{webhook.consecutiveFailures} failed attempts in a row.</p>
          <button type="button" class="secondary" onClick={() => void toggle.run(!webhook.enabled)} disabled={toggle.pending}>
            {webhook.enabled ? "Pause deliveries" : "Resume deliveries"}
          </button>
          <h2>Signing secret</h2>
          {webhook.previousSecretExpiresAt && Date.parse(webhook.previousSecretExpiresAt) > Date.now() ? (
            <p class="small">The previous secret also signs deliveries until {formatDateTime(webhook.previousSecretExpiresAt)}.</p>
          ) : null}
          <form
            class="row wrap"
            onSubmit={(event) => {
              event.preventDefault();
              void rotate.run(Number(new FormData(event.currentTarget).get("grace")));
            }}
          >
            <label>
              Keep the old secret valid for
              <select name="grace" defaultValue="86400">
                {GRACE.map(([seconds, label]) => (
                  <option value={seconds} key={seconds}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="secondary" disabled={rotate.pending}>
              Rotate secret
            </button>
          </form>
          <ErrorText error={rotate.error} />
        </div>
      </div>
      <section class="card" aria-labelledby="deliveries">
        <div class="row between wrap">
          <h2 id="deliveries">Delivery log</h2>
          <div class="row wrap">
            <label class="inline">
              Status
              <select value={status} onChange={(event) => setStatus(event.currentTarget.value as WebhookDeliveryStatus | "")}>
                <option value="">All</option>
                <option value="PENDING">Pending</option>
                <option value="DELIVERED">Delivered</option>
                <option value="FAILED">Failed</option>
              </select>
            </label>
            <button type="button" class="secondary small" onClick={() => void data.reload()}>
              Refresh
            </button>
          </div>
        </div>
        <ErrorText error={redeliver.error ?? data.error} />
        {webhook.deliveries.edges.length === 0 ? (
          <Empty>
            <p>No deliveries yet. Send a test event, or change a link.</p>
          </Empty>
        ) : (
          <ul class="deliveries">
            {webhook.deliveries.edges.map(({ node: delivery }) => (
              <li key={delivery.id} data-delivery={delivery.eventType} data-status={delivery.status}>
                <details onToggle={(event) => setOpen(delivery.id, (event.currentTarget as HTMLDetailsElement).open)}>
                  <summary>
                    <StatusBadge status={delivery.status} /> <strong>{delivery.eventType}</strong>{" "}
                    <span class="muted">
                      {formatRelative(delivery.createdAt)} · {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}
                      {delivery.responseStatus ? ` · HTTP ${delivery.responseStatus}` : ""}
                      {delivery.latencyMs !== null ? ` · ${delivery.latencyMs} ms` : ""}
                      {delivery.nextAttemptAt ? ` · next try ${formatRelative(delivery.nextAttemptAt)}` : ""}
                    </span>
                  </summary>
                  {delivery.error ? <p class="error-text">{delivery.error}</p> : null}
                  <p class="small muted">Event id {delivery.eventId}</p>
                  {opened.has(delivery.id) ? <DeliveryDetails id={delivery.id} attempts={delivery.attempts} /> : null}
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => void redeliver.run(delivery.id)}
                    disabled={redeliver.pending || delivery.inFlight}
                  >
                    Redeliver
                  </button>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Loaded when the delivery is opened (and again when another attempt happens). */
function DeliveryDetails({ id, attempts }: { id: string; attempts: number }) {
  const details = useAsync(
    () => request(WebhookDelivery, { id }).then((data) => (data.node && "payload" in data.node ? data.node : null)),
    [id, attempts],
  );
  if (details.loading && !details.data) return <Loading what="Loading attempts…" />;
  if (!details.data) return <ErrorText error={details.error ?? "This delivery is gone."} />;
  return (
    <>
      <table class="attempts">
        <caption class="visually-hidden">Attempts</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Latency</th>
            <th scope="col">Error or answer</th>
          </tr>
        </thead>
        <tbody>
          {details.data.attemptLog.map((attempt) => (
            <tr key={attempt.number}>
              <td>{attempt.number}</td>
              <td>{formatDateTime(attempt.startedAt)}</td>
              <td>{attempt.responseStatus ?? "—"}</td>
              <td>{attempt.latencyMs !== null ? `${attempt.latencyMs} ms` : "—"}</td>
              <td class="break">
                {attempt.error ? <span class="error-text">{attempt.error} </span> : null}
                {attempt.responseBody ? <code>{attempt.responseBody.slice(0, 300)}</code> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <pre class="payload" tabIndex={0} role="region" aria-label="Payload">
        {prettyJson(details.data.payload)}
      </pre>
    </>
  );
}

function prettyJson(text: string) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
