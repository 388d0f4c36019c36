// The link editor's smaller sections: domain, deep links and social preview. Plain named inputs,
// read from the form's FormData on submit.
import { Domains, type DashboardLinkBySlugQuery } from "../api/operations";
import { request } from "../api/session";
import { useAsync } from "../lib/use-async";
import { ErrorText } from "../ui/components";

type EditedLink = NonNullable<DashboardLinkBySlugQuery["link"]>;

/** Which section a server error path (`deepLinks.ios`, `preview.imageUrl`, `domain`) belongs to. */
export const sectionOf = (path: string | undefined) => path?.split(/[.[]/)[0];

const invalid = (on: boolean, id: string) => (on ? { "aria-invalid": true as const, "aria-describedby": id } : {});

/**
 * The link's domain: the service's own or one of the workspace's verified custom domains (a pending
 * one would not redirect yet). Hidden when the workspace has none.
 */
export function DomainSelect({ link, error }: { link?: EditedLink; error?: string }) {
  const domains = useAsync(
    () =>
      request(Domains, { first: 100 })
        .then((data) => data.domains!.edges.map((edge) => edge.node))
        .catch(() => []),
    [],
  );
  const current = link && !link.domain.isDefault ? link.domain.hostname : "";
  const usable = (domains.data ?? []).filter((d) => d.status === "VERIFIED" || d.status === "FAILING" || d.hostname === current);
  if (usable.length === 0 && !error) return null;
  return (
    <>
      <label>
        Domain
        <select name="domain" defaultValue={current} key={usable.length} {...invalid(Boolean(error), "domain-error")}>
          <option value="">{link?.domain.isDefault ? link.domain.hostname : "This service's own domain"}</option>
          {usable.map((d) => (
            <option value={d.hostname} key={d.id}>
              {d.hostname}
              {d.status === "VERIFIED" ? "" : ` (${d.status.toLowerCase()})`}
            </option>
          ))}
        </select>
      </label>
      <ErrorText error={error} id="domain-error" />
    </>
  );
}

export function DeepLinksSection({ link, error }: { link?: EditedLink; error?: string }) {
  return (
    <fieldset class="wide editor-section">
      <legend>Deep links</legend>
      <p class="muted small">Phones without a matching rule open the app: an app URL (myapp://…, intent://…) or a store page.</p>
      <div class="form-grid">
        <label>
          iOS app link
          <input
            name="deepLinkIos"
            maxLength={2048}
            defaultValue={link?.deepLinks.ios ?? ""}
            placeholder="myapp://launch"
            {...invalid(Boolean(error), "deep-links-error")}
          />
        </label>
        <label>
          Android app link
          <input
            name="deepLinkAndroid"
            maxLength={2048}
            defaultValue={link?.deepLinks.android ?? ""}
            placeholder="intent://launch#Intent;scheme=myapp;end"
            {...invalid(Boolean(error), "deep-links-error")}
          />
        </label>
      </div>
      <ErrorText error={error} id="deep-links-error" />
    </fieldset>
  );
}

export function PreviewSection({ link, error }: { link?: EditedLink; error?: string }) {
  return (
    <fieldset class="wide editor-section">
      <legend>Social preview</legend>
      <p class="muted small">The card Slack, WhatsApp, X, LinkedIn… show for the short link. Empty: they read the destination's own.</p>
      <div class="form-grid">
        <label>
          Preview heading
          <input name="previewTitle" maxLength={200} defaultValue={link?.preview.title ?? ""} {...invalid(Boolean(error), "preview-error")} />
        </label>
        <label>
          Preview image URL
          <input
            name="previewImageUrl"
            type="url"
            maxLength={2048}
            defaultValue={link?.preview.imageUrl ?? ""}
            {...invalid(Boolean(error), "preview-error")}
          />
        </label>
        <label class="wide">
          Preview description
          <textarea
            name="previewDescription"
            rows={2}
            maxLength={500}
            defaultValue={link?.preview.description ?? ""}
            {...invalid(Boolean(error), "preview-error")}
          />
        </label>
      </div>
      <ErrorText error={error} id="preview-error" />
    </fieldset>
  );
}
