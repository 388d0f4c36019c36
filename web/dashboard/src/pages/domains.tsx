import { useState } from "preact/hooks";
import { describeError } from "../api/client";
import { AddDomain, Domains, RemoveDomain, VerifyDomain, type DashboardDomainFragment } from "../api/operations";
import { request } from "../api/session";
import { formatRelative } from "../lib/format";
import { useAction, useAsync } from "../lib/use-async";
import { ConfirmButton, CopyButton, Empty, ErrorText, Loading, PageHeader, StatusBadge } from "../ui/components";

/** Custom domains: their verification status, what to publish, add, check now, remove. */
export function DomainsPage() {
  const [actionError, setActionError] = useState<string>();
  const domains = useAsync(() => request(Domains, { first: 100 }).then((data) => data.domains!.edges.map((edge) => edge.node)), []);
  const add = useAction(async (form: HTMLFormElement) => {
    await request(AddDomain, { input: { hostname: String(new FormData(form).get("hostname")).trim() } });
    form.reset();
    await domains.reload();
  });
  const act = (work: () => Promise<unknown>) => () =>
    void work()
      .then(() => domains.reload())
      .catch((error) => setActionError(describeError(error)));

  return (
    <>
      <PageHeader title="Domains" />
      <p class="muted">
        Serve short links on your own domains. Point the domain at this service, then prove it is yours with a TXT record (or the token served at its
        verification URL); the server checks by itself and on <strong>Check now</strong>.
      </p>
      <ErrorText error={domains.error ?? actionError} />
      {domains.loading && !domains.data ? (
        <Loading what="Loading domains…" />
      ) : domains.data?.length === 0 ? (
        <Empty>
          <p>No custom domains yet.</p>
        </Empty>
      ) : (
        <div class="table-wrap">
          <table class="responsive">
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Status</th>
                <th scope="col">TXT record</th>
                <th scope="col">Last check</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {domains.data?.map((domain: DashboardDomainFragment) => (
                <tr key={domain.id} data-domain={domain.hostname}>
                  <td data-label="Domain">{domain.hostname}</td>
                  <td data-label="Status">
                    <StatusBadge status={domain.status} />
                  </td>
                  <td data-label="TXT record" class="small">
                    <code>{domain.verificationRecordName}</code> = <code>{domain.verificationToken}</code>{" "}
                    <CopyButton text={domain.verificationToken ?? ""} label="Copy token" />
                  </td>
                  <td data-label="Last check" class="small">
                    {domain.lastCheckedAt ? formatRelative(domain.lastCheckedAt) : "not yet"}
                    {domain.lastCheckError ? <div class="muted">{domain.lastCheckError}</div> : null}
                  </td>
                  <td class="row-actions">
                    <button type="button" class="secondary small" onClick={act(() => request(VerifyDomain, { input: { id: domain.id } }))}>
                      Check now
                    </button>
                    <ConfirmButton
                      label="Remove"
                      danger
                      title={`Remove ${domain.hostname}?`}
                      message={<p>Its links must be deleted or moved first. Visitors of this domain get 404 afterwards.</p>}
                      confirmLabel="Remove domain"
                      onConfirm={async () => {
                        await request(RemoveDomain, { input: { id: domain.id } }).catch((error) => Promise.reject(new Error(describeError(error))));
                        await domains.reload();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        class="card form-grid"
        aria-labelledby="new-domain"
        onSubmit={(event) => {
          event.preventDefault();
          void add.run(event.currentTarget);
        }}
      >
        <h2 id="new-domain" class="wide">
          Add a domain
        </h2>
        <label class="wide">
          Domain name
          <input name="hostname" required maxLength={253} placeholder="go.example.com" autoComplete="off" />
        </label>
        <ErrorText error={add.error} />
        <div class="wide">
          <button type="submit" disabled={add.pending}>
            Add domain
          </button>
        </div>
      </form>
    </>
  );
}
