import { useMemo, useState } from "preact/hooks";
import { CreateLink, LinkBySlug, UpdateLink, type DashboardLinkBySlugQuery, type RedirectType, type UpdateLinkInput } from "../api/operations";
import { request } from "../api/session";
import { DeepLinksSection, DomainSelect, PreviewSection, sectionOf } from "../link-editor/link-extras";
import { ruleDraft, rulesInput, type RuleDraft } from "../link-editor/rule-model";
import { RulesEditor } from "../link-editor/rules-editor";
import { fromLocalInput, toLocalInput } from "../lib/format";
import { linkPath } from "../lib/link-path";
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
export function LinkFormPage({ slug, domain }: { slug?: string; domain?: string }) {
  const existing = useAsync(async () => (slug ? ((await request(LinkBySlug, { slug, domain })).link ?? null) : null), [slug, domain]);
  if (slug && existing.loading && !existing.data) return <Loading what="Loading the link…" />;
  if (slug && existing.data === null) return <ErrorText error={existing.error ?? `There is no link ${slug}.`} />;
  return <LinkForm link={existing.data ?? undefined} />;
}

type EditedLink = NonNullable<DashboardLinkBySlugQuery["link"]>;

/** Group given (possibly null to remove it) only when it differs from what the link has. */
const changed = <T,>(next: T, before: T) => JSON.stringify(next) !== JSON.stringify(before);

function LinkForm({ link }: { link?: EditedLink }) {
  // One key per form: a double submit or a retry after a lost answer creates the link once.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const [removePassword, setRemovePassword] = useState(false);
  const [rules, setRules] = useState<RuleDraft[]>(() => (link?.rules ?? []).map(ruleDraft));
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
    const deepLinks = { ios: optional("deepLinkIos"), android: optional("deepLinkAndroid") };
    const preview = { title: optional("previewTitle"), description: optional("previewDescription"), imageUrl: optional("previewImageUrl") };
    const hasDeepLinks = Boolean(deepLinks.ios || deepLinks.android);
    const hasPreview = Boolean(preview.title || preview.description || preview.imageUrl);
    const ruleInputs = rulesInput(rules);
    const domain = form.has("domain") ? text("domain") : undefined;
    if (!link) {
      const routing = {
        ...(domain ? { domain } : {}),
        ...(ruleInputs.length ? { rules: ruleInputs } : {}),
        ...(hasDeepLinks ? { deepLinks } : {}),
        ...(hasPreview ? { preview } : {}),
      };
      const { createLink } = await request(
        CreateLink,
        { input: { ...fields, ...routing, password: password || undefined } },
        { "idempotency-key": idempotencyKey },
      );
      return navigate(linkPath(createLink!.link));
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
    if (domain !== undefined && domain !== (link.domain.isDefault ? "" : link.domain.hostname)) input.domain = domain || null;
    if (changed(ruleInputs, rulesInput(link.rules.map(ruleDraft)))) input.rules = ruleInputs;
    const { ios = null, android = null } = link.deepLinks;
    if (changed(deepLinks, { ios, android })) input.deepLinks = hasDeepLinks ? deepLinks : null;
    const { title = null, description = null, imageUrl = null } = link.preview;
    if (changed(preview, { title, description, imageUrl })) input.preview = hasPreview ? preview : null;
    if (removePassword) input.password = null;
    else if (password) input.password = password;
    const { updateLink } = await request(UpdateLink, { input });
    navigate(linkPath(updateLink!.link));
  });
  // Nested inputs (rules, deep links, preview, domain) have their own sections; the rest their field.
  const section = sectionOf(save.errorPath);
  const nested = ["rules", "deepLinks", "preview", "domain"].includes(section ?? "");
  const sectionError = (name: string) => (section === name ? save.error : undefined);
  const fieldError = (name: string) => (!nested && save.errorField === name ? save.error : undefined);
  const invalid = (name: string) => (!nested && save.errorField === name ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});

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
        <DomainSelect link={link} error={sectionError("domain")} />
        <RulesEditor rules={rules} onChange={setRules} errorPath={section === "rules" ? save.errorPath : undefined} error={sectionError("rules")} />
        <DeepLinksSection link={link} error={sectionError("deepLinks")} />
        <PreviewSection link={link} error={sectionError("preview")} />
        <ErrorText error={save.errorField || nested ? undefined : save.error} />
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
