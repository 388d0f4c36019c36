import { useState } from "preact/hooks";
import { describeError } from "../api/client";
import { ApiKeys, CreateApiKey, RevokeApiKey, type ApiKeyScope } from "../api/operations";
import { request } from "../api/session";
import { formatDateTime, formatRelative, fromLocalInput } from "../lib/format";
import { useAction, useAsync } from "../lib/use-async";
import { ConfirmButton, Empty, ErrorText, Loading, PageHeader, SecretOnce, StatusBadge } from "../ui/components";

// A Record, so a new ApiKeyScope in the schema fails the type check until it has a label here.
const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  LINKS_READ: "Read links",
  LINKS_WRITE: "Create, change and delete links",
  ANALYTICS_READ: "Read click analytics",
  WEBHOOKS_MANAGE: "Manage webhooks",
  DOMAINS_MANAGE: "Manage custom domains",
  ARBITRARY_OPERATIONS: "Send any GraphQL operation (not only persisted ones)",
};
const SCOPES = Object.entries(SCOPE_LABELS) as Array<[ApiKeyScope, string]>;
const EXPIRY: Array<[string, string]> = [
  ["", "Never"],
  ["7", "In 7 days"],
  ["30", "In 30 days"],
  ["90", "In 90 days"],
  ["365", "In a year"],
  ["custom", "On a date…"],
];

/** API keys for programs: scopes and expiry, the secret shown once, revocation, last use. */
export function ApiKeysPage() {
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [expiry, setExpiry] = useState("");
  const [secret, setSecret] = useState<string>();
  const keys = useAsync(
    () => request(ApiKeys, { first: 100, includeRevoked }).then((data) => data.apiKeys!.edges.map((edge) => edge.node)),
    [includeRevoked],
  );
  const create = useAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const days = String(data.get("expiry") ?? "");
    const expiresAt =
      days === "custom"
        ? fromLocalInput(String(data.get("expiresAt") ?? ""))
        : days
          ? new Date(Date.now() + Number(days) * 86_400_000).toISOString()
          : null;
    const { createApiKey } = await request(CreateApiKey, {
      input: { name: String(data.get("name")).trim(), scopes: data.getAll("scopes").map(String) as ApiKeyScope[], expiresAt },
    });
    setSecret(createApiKey!.secret);
    form.reset();
    setExpiry("");
    await keys.reload();
  });

  return (
    <>
      <PageHeader title="API keys" />
      <p class="muted">
        Keys act for you, limited to their scopes. Send one as <code>Authorization: Bearer lgk_…</code>.
      </p>
      {secret ? <SecretOnce secret={secret} what="API key" onDone={() => setSecret(undefined)} /> : null}
      <label class="check">
        <input type="checkbox" checked={includeRevoked} onChange={(event) => setIncludeRevoked(event.currentTarget.checked)} /> Show revoked keys
      </label>
      <ErrorText error={keys.error} />
      {keys.loading && !keys.data ? (
        <Loading what="Loading keys…" />
      ) : keys.data?.length === 0 ? (
        <Empty>
          <p>No API keys yet.</p>
        </Empty>
      ) : (
        <div class="table-wrap">
          <table class="responsive">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Status</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data?.map((key) => (
                <tr key={key.id} data-key={key.name}>
                  <td data-label="Name">{key.name}</td>
                  <td data-label="Key">
                    <code>{key.prefix}…</code>
                  </td>
                  <td data-label="Scopes" class="small">
                    {key.scopes.join(", ")}
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={key.status} />
                  </td>
                  <td data-label="Last used" title={formatDateTime(key.lastUsedAt)}>
                    {formatRelative(key.lastUsedAt)}
                  </td>
                  <td data-label="Expires">{key.expiresAt ? formatDateTime(key.expiresAt) : "never"}</td>
                  <td class="row-actions">
                    {key.status === "ACTIVE" ? (
                      <ConfirmButton
                        label="Revoke"
                        danger
                        title={`Revoke ${key.name}?`}
                        message={<p>Programs using this key are refused at once. This cannot be undone.</p>}
                        confirmLabel="Revoke key"
                        onConfirm={async () => {
                          await request(RevokeApiKey, { input: { id: key.id } }).catch((error) => Promise.reject(new Error(describeError(error))));
                          await keys.reload();
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
      <form
        class="card form-grid"
        aria-labelledby="new-key"
        onSubmit={(event) => {
          event.preventDefault();
          void create.run(event.currentTarget);
        }}
      >
        <h2 id="new-key" class="wide">
          Create a key
        </h2>
        <label class="wide">
          Name
          <input name="name" required maxLength={100} placeholder="e.g. CI deploys" />
        </label>
        <fieldset class="checks wide">
          <legend>Scopes</legend>
          {SCOPES.map(([scope, label]) => (
            <label class="check" key={scope}>
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "LINKS_READ"} /> {label} <code class="small">{scope}</code>
            </label>
          ))}
        </fieldset>
        <label>
          Expires
          <select name="expiry" value={expiry} onChange={(event) => setExpiry(event.currentTarget.value)}>
            {EXPIRY.map(([value, label]) => (
              <option value={value} key={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {expiry === "custom" ? (
          <label>
            Expiry date
            <input name="expiresAt" type="datetime-local" required />
          </label>
        ) : null}
        <ErrorText error={create.error} />
        <div class="row wide">
          <button type="submit" disabled={create.pending}>
            {create.pending ? "Creating…" : "Create key"}
          </button>
        </div>
      </form>
    </>
  );
}
