import { useMemo, useState } from "preact/hooks";
import { CreateLink, LinkBySlug, UpdateLink, type DashboardLinkFragment, type RedirectType, type UpdateLinkInput } from "../api/operations";
import { request } from "../api/session";
import { fromLocalInput, toLocalInput } from "../lib/format";
import { navigate } from "../lib/router";
import { useAction, useAsync } from "../lib/use-async";
import { ErrorText, Loading, PageHeader } from "../ui/components";

const REDIRECT_TYPES: Array<[RedirectType, string]> = [
  ["FOUND", "302 Found (default: every visit comes back through us)"],
  ["TEMPORARY_REDIRECT", "307 Temporary redirect (keeps the method)"],
  ["MOVED_PERMANENTLY", "301 Moved permanently"],
  ["PERMANENT_REDIRECT", "308 Permanent redirect (keeps the method)"],
];

const parseTags = (text: string) => [
  ...new Set(
    text
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

/** Create (no slug) or edit a link, with every option the API has. */
export function LinkFormPage({ slug }: { slug?: string }) {
  const existing = useAsync(async () => (slug ? ((await request(LinkBySlug, { slug })).link ?? null) : null), [slug]);
  if (slug && existing.loading && !existing.data) return <Loading what="Loading the link…" />;
  if (slug && existing.data === null) return <ErrorText error={existing.error ?? `There is no link ${slug}.`} />;
  return <LinkForm link={existing.data ?? undefined} />;
}

function LinkForm({ link }: { link?: DashboardLinkFragment }) {
  // One key per form: a double submit or a retry after a lost answer creates the link once.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const [removePassword, setRemovePassword] = useState(false);
  const save = useAction(async (form: FormData) => {
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const optional = (name: string) => text(name) || null;
    const maxClicks = text("maxClicks") ? Number(text("maxClicks")) : null;
    const fields = {
      url: text("url"),
      slug: text("slug") || undefined,
      title: optional("title"),
      tags: parseTags(text("tags")),
      redirectType: text("redirectType") as RedirectType,
      expiresAt: fromLocalInput(text("expiresAt")),
      maxClicks,
      fallbackUrl: optional("fallbackUrl"),
    };
    const password = String(form.get("password") ?? "");
    if (!link) {
      const { createLink } = await request(
        CreateLink,
        { input: { ...fields, password: password || undefined } },
        { "idempotency-key": idempotencyKey },
      );
      return navigate(`/links/${encodeURIComponent(createLink!.link.slug)}`);
    }
    // Send only what changed: omitted fields stay as they are, null clears.
    const input: UpdateLinkInput = { id: link.id };
    if (fields.url !== link.url) input.url = fields.url;
    if (fields.slug && fields.slug !== link.slug) input.slug = fields.slug;
    if (fields.title !== link.title) input.title = fields.title;
    if (fields.tags.join(",") !== link.tags.join(",")) input.tags = fields.tags;
    if (fields.redirectType !== link.redirectType) input.redirectType = fields.redirectType;
    if (text("expiresAt") !== toLocalInput(link.expiresAt)) input.expiresAt = fields.expiresAt;
    if (fields.maxClicks !== link.maxClicks) input.maxClicks = fields.maxClicks;
    if (fields.fallbackUrl !== link.fallbackUrl) input.fallbackUrl = fields.fallbackUrl;
    if (removePassword) input.password = null;
    else if (password) input.password = password;
    const { updateLink } = await request(UpdateLink, { input });
    navigate(`/links/${encodeURIComponent(updateLink!.link.slug)}`);
  });
  const fieldError = (name: string) => (save.errorField === name ? save.error : undefined);
  const invalid = (name: string) => (save.errorField === name ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});

  return (
    <>
      <PageHeader title={link ? `Edit ${link.slug}` : "New link"} />
      <form
        class="card form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void save.run(new FormData(event.currentTarget));
        }}
        noValidate={false}
      >
        <label class="wide">
          Destination URL
          <input
            name="url"
            type="url"
            required
            maxLength={2048}
            defaultValue={link?.url}
            placeholder="https://example.com/page"
            {...invalid("url")}
          />
        </label>
        <ErrorText error={fieldError("url")} id="url-error" />
        <label>
          Custom slug <span class="muted">(optional)</span>
          <input
            name="slug"
            pattern="[A-Za-z0-9_\-]{1,64}"
            maxLength={64}
            defaultValue={link?.slug}
            placeholder="generated when empty"
            {...invalid("slug")}
          />
        </label>
        <ErrorText error={fieldError("slug")} id="slug-error" />
        <label>
          Title <span class="muted">(optional)</span>
          <input name="title" maxLength={200} defaultValue={link?.title ?? ""} {...invalid("title")} />
        </label>
        <ErrorText error={fieldError("title")} id="title-error" />
        <label class="wide">
          Tags <span class="muted">(comma-separated)</span>
          <input name="tags" defaultValue={link?.tags.join(", ")} placeholder="launch, newsletter" {...invalid("tags")} />
        </label>
        <ErrorText error={fieldError("tags")} id="tags-error" />
        <label>
          Redirect type
          <select name="redirectType" defaultValue={link?.redirectType ?? "FOUND"}>
            {REDIRECT_TYPES.map(([value, label]) => (
              <option value={value} key={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Expires <span class="muted">(optional, your time zone)</span>
          <input name="expiresAt" type="datetime-local" defaultValue={toLocalInput(link?.expiresAt)} {...invalid("expiresAt")} />
        </label>
        <ErrorText error={fieldError("expiresAt")} id="expiresAt-error" />
        <label>
          Maximum clicks <span class="muted">(optional)</span>
          <input name="maxClicks" type="number" min={1} step={1} defaultValue={link?.maxClicks ?? ""} {...invalid("maxClicks")} />
        </label>
        <ErrorText error={fieldError("maxClicks")} id="maxClicks-error" />
        <label>
          Fallback URL <span class="muted">(after expiry, archive or the last click)</span>
          <input name="fallbackUrl" type="url" defaultValue={link?.fallbackUrl ?? ""} {...invalid("fallbackUrl")} />
        </label>
        <ErrorText error={fieldError("fallbackUrl")} id="fallbackUrl-error" />
        <label>
          Password <span class="muted">{link?.hasPassword ? "(set; type a new one to change it)" : "(optional)"}</span>
          <input name="password" type="password" autocomplete="new-password" disabled={removePassword} {...invalid("password")} />
        </label>
        {link?.hasPassword ? (
          <label class="check">
            <input type="checkbox" checked={removePassword} onChange={(event) => setRemovePassword(event.currentTarget.checked)} /> Remove the
            password
          </label>
        ) : null}
        <ErrorText error={fieldError("password")} id="password-error" />
        <ErrorText error={save.errorField ? undefined : save.error} />
        <div class="row wide">
          <button type="submit" disabled={save.pending}>
            {save.pending ? "Saving…" : link ? "Save changes" : "Create link"}
          </button>
          <button type="button" class="secondary" onClick={() => history.back()}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
