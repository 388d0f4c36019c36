import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "../graphql/builder.js";
import { nodeAuthorizer } from "../graphql/node-auth.js";
import { objectPayload } from "../graphql/payload.js";
import { IDEMPOTENCY_HEADER, validateIdempotencyKey } from "../platform/idempotency.js";
import { createLink } from "./create-link.js";
import { deleteLink } from "./delete-link.js";
import { authorizeLinkRead, findLinkBySlug, listLinks } from "./find-links.js";
import { REDIRECT_TYPES } from "./link-input.js";
import { LINK_STATUSES, linkStatus } from "./link-status.js";
import {
  BROWSERS,
  DEVICE_TYPES,
  OPERATING_SYSTEMS,
  storedRules,
  type StoredConditions,
  type StoredRule,
  type StoredVariant,
} from "./redirect-rules.js";
import { updateLink } from "./update-link.js";
import { shortUrlOf } from "../domains/short-url.js";

export const RedirectType = builder.enumType("RedirectType", {
  description: "The HTTP status a short link answers with: 302 (default), 301, 307 or 308.",
  values: REDIRECT_TYPES,
});

const LinkStatus = builder.enumType("LinkStatus", { values: LINK_STATUSES });

// --- Redirect rules, A/B splits, deep links and social previews (src/links/redirect-rules.ts) ---

const DeviceType = builder.enumType("DeviceType", { values: DEVICE_TYPES });
const OperatingSystem = builder.enumType("OperatingSystem", { values: OPERATING_SYSTEMS });
const Browser = builder.enumType("Browser", { values: BROWSERS });

const QueryParameterCondition = builder.objectRef<{ name: string; value?: string }>("QueryParameterCondition").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    value: t.string({ nullable: true, description: "null: the parameter only has to be present.", resolve: (condition) => condition.value ?? null }),
  }),
});

const RedirectConditions = builder.objectRef<StoredConditions>("RedirectConditions").implement({
  description: "Every condition given must hold; a list matches any of its values. No conditions: every visitor.",
  fields: (t) => ({
    devices: t.field({ type: [DeviceType], nullable: true, resolve: (c) => c.devices ?? null }),
    os: t.field({ type: [OperatingSystem], nullable: true, resolve: (c) => c.os ?? null }),
    browsers: t.field({ type: [Browser], nullable: true, resolve: (c) => c.browsers ?? null }),
    languages: t.stringList({
      nullable: true,
      description: "Matched against the visitor's most preferred Accept-Language entry: de matches de-AT.",
      resolve: (c) => c.languages ?? null,
    }),
    countries: t.stringList({
      nullable: true,
      description: "ISO 3166-1 alpha-2, from the trusted proxy's header (CLICK_COUNTRY_HEADER).",
      resolve: (c) => c.countries ?? null,
    }),
    from: t.field({ type: "DateTime", nullable: true, resolve: (c) => (c.from ? new Date(c.from) : null) }),
    until: t.field({ type: "DateTime", nullable: true, description: "Exclusive.", resolve: (c) => (c.until ? new Date(c.until) : null) }),
    query: t.field({ type: [QueryParameterCondition], nullable: true, resolve: (c) => c.query ?? null }),
  }),
});

const RedirectVariant = builder.objectRef<StoredVariant>("RedirectVariant").implement({
  fields: (t) => ({
    id: t.exposeString("id", { description: "Unique within the link; clickBreakdown(by: VARIANT) reports it." }),
    url: t.exposeString("url"),
    weight: t.exposeInt("weight", { description: "Percent of the rule's visitors; a split's weights add up to 100." }),
  }),
});

const RedirectRule = builder.objectRef<StoredRule>("RedirectRule").implement({
  description: "The first rule whose conditions match decides where a visitor goes: one url, or a sticky weighted split of variants.",
  fields: (t) => ({
    id: t.exposeString("id", { description: "Stable across edits when sent back; clickBreakdown(by: RULE) reports it." }),
    name: t.string({ nullable: true, resolve: (rule) => rule.name ?? null }),
    conditions: t.field({ type: RedirectConditions, resolve: (rule) => rule.conditions ?? {} }),
    url: t.string({ nullable: true, resolve: (rule) => rule.url ?? null }),
    variants: t.field({ type: [RedirectVariant], nullable: true, resolve: (rule) => rule.variants ?? null }),
  }),
});

const DeepLinks = builder.objectRef<{ ios: string | null; android: string | null }>("DeepLinks").implement({
  description: "Where iOS and Android visitors go (an app URL or a store page) when no rule matched.",
  fields: (t) => ({
    ios: t.exposeString("ios", { nullable: true }),
    android: t.exposeString("android", { nullable: true }),
  }),
});

const LinkPreview = builder.objectRef<{ title: string | null; description: string | null; imageUrl: string | null }>("LinkPreview").implement({
  description: "The card link-preview crawlers (Slack, WhatsApp, X, LinkedIn, …) are shown instead of the redirect.",
  fields: (t) => ({
    title: t.exposeString("title", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    imageUrl: t.exposeString("imageUrl", { nullable: true }),
  }),
});

const QueryParameterConditionInput = builder.inputType("QueryParameterConditionInput", {
  fields: (t) => ({ name: t.string({ required: true }), value: t.string({ description: "Omit to require only the parameter's presence." }) }),
});

const RedirectConditionsInput = builder.inputType("RedirectConditionsInput", {
  fields: (t) => ({
    devices: t.field({ type: [DeviceType] }),
    os: t.field({ type: [OperatingSystem] }),
    browsers: t.field({ type: [Browser] }),
    languages: t.stringList({ description: "Language tags (de, pt-BR), matched against the visitor's most preferred language." }),
    countries: t.stringList({ description: "ISO 3166-1 alpha-2 codes; needs the server's CLICK_COUNTRY_HEADER." }),
    from: t.field({ type: "DateTime" }),
    until: t.field({ type: "DateTime" }),
    query: t.field({ type: [QueryParameterConditionInput], description: "Every listed parameter must be present (with its value, when given)." }),
  }),
});

const RedirectVariantInput = builder.inputType("RedirectVariantInput", {
  fields: (t) => ({
    id: t.string({ description: "Default A, B, C, D by position." }),
    url: t.string({ required: true }),
    weight: t.int({ required: true, description: "Percent, 1–99; the weights of a split add up to 100." }),
  }),
});

const RedirectRuleInput = builder.inputType("RedirectRuleInput", {
  fields: (t) => ({
    id: t.string({ description: "Send it back unchanged to keep analytics by rule continuous; generated when omitted." }),
    name: t.string(),
    conditions: t.field({ type: RedirectConditionsInput }),
    url: t.string({ description: "The destination; or give variants instead." }),
    variants: t.field({ type: [RedirectVariantInput], description: "2–4 variants: an A/B split, sticky per visitor." }),
  }),
});

const DeepLinksInput = builder.inputType("DeepLinksInput", {
  fields: (t) => ({
    ios: t.string({ description: "An app URL (myapp://…) or an https App Store URL." }),
    android: t.string({ description: "An app URL (myapp://…, intent://…) or an https Play Store URL." }),
  }),
});

const LinkPreviewInput = builder.inputType("LinkPreviewInput", {
  fields: (t) => ({ title: t.string(), description: t.string(), imageUrl: t.string() }),
});

nodeAuthorizer("Link", (context, id) => authorizeLinkRead(context.services, context.actor, id));

export const Link = builder.prismaNode("Link", {
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug"),
    url: t.exposeString("url", { description: "The destination." }),
    shortUrl: t.string({ resolve: (link, _args, context) => shortUrlOf(context.services, link) }),
    domain: t.relation("domain", { description: "The host the link is served on: a custom domain, or the default one." }),
    title: t.exposeString("title", { nullable: true }),
    tags: t.exposeStringList("tags"),
    redirectType: t.expose("redirectType", { type: RedirectType }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    maxClicks: t.exposeInt("maxClicks", { nullable: true }),
    fallbackUrl: t.exposeString("fallbackUrl", { nullable: true }),
    hasPassword: t.boolean({ resolve: (link) => link.passwordHash !== null }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    status: t.field({
      type: LinkStatus,
      resolve: (link, _args, context) => linkStatus(link, context.services.clickPipeline.uncommitted(link.id)),
    }),
    clickCount: t.exposeInt("clickCount", {
      description: "Clicks stored so far (bots excluded): written in batches, about a second behind the redirects. Live: subscription clickCounts.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    rules: t.field({
      type: [RedirectRule],
      description: "Evaluated in order on every redirect; the link's url is the fallback.",
      resolve: (link) => storedRules(link.rules),
    }),
    deepLinks: t.field({ type: DeepLinks, resolve: (link) => ({ ios: link.iosUrl, android: link.androidUrl }) }),
    preview: t.field({
      type: LinkPreview,
      resolve: (link) => ({ title: link.previewTitle, description: link.previewDescription, imageUrl: link.previewImageUrl }),
    }),
    owner: t.relation("owner", { description: "Who created the link." }),
    workspace: t.relation("workspace"),
  }),
});

const LinkFilter = builder.inputType("LinkFilter", {
  fields: (t) => ({
    search: t.string({ description: "Case-insensitive match on slug, URL or title." }),
    tags: t.stringList({ description: "Links carrying any of these tags." }),
    archived: t.boolean({ description: "true: only archived links; false (default): only live ones." }),
    allOwners: t.boolean({ description: "Instance admins only: every workspace's links instead of the selected workspace's." }),
  }),
});

builder.queryField("link", (t) =>
  t.prismaField({
    type: Link,
    nullable: true,
    description: "A link by slug (on `domain`, default the service's own), in any workspace you are a member of.",
    args: { slug: t.arg.string({ required: true }), domain: t.arg.string({ description: "A custom domain's hostname." }) },
    resolve: (query, _root, args, context) => findLinkBySlug(context.services, context.actor, args, query),
  }),
);

builder.queryField("links", (t) =>
  t.connection(
    {
      type: Link,
      nullable: true,
      description:
        "The selected workspace's links (X-Workspace-Id, default your personal one), newest first (keyset pagination: stable while links are added).",
      args: { filter: t.arg({ type: LinkFilter }), workspaceId: t.arg.id({ description: "Overrides the X-Workspace-Id header." }) },
      resolve: (_root, args, context, info) =>
        listLinks(
          context.services,
          context.actor,
          { ...args, workspaceId: args.workspaceId?.toString() },
          queryFromInfo({ context, info, path: ["edges", "node"] }),
        ),
    },
    { name: "LinkConnection" },
    { name: "LinkEdge" },
  ),
);

const linkPayload = objectPayload("link", Link);

builder.relayMutationField(
  "createLink",
  {
    inputFields: (t) => ({
      workspaceId: t.id({ description: "The workspace to create it in; default the X-Workspace-Id header, else your personal one." }),
      domain: t.string({ description: "The hostname of one of the workspace's domains; default the service's own (PUBLIC_BASE_URL)." }),
      url: t.string({ required: true, description: "http(s) destination, at most 2048 characters." }),
      slug: t.string({ description: "Case-sensitive [A-Za-z0-9_-]{1,64}; generated when omitted." }),
      title: t.string(),
      expiresAt: t.field({ type: "DateTime" }),
      maxClicks: t.int(),
      fallbackUrl: t.string({ description: "Where to send visitors once the link is expired, archived or exhausted." }),
      password: t.string({ description: "Visitors must enter it before being redirected." }),
      redirectType: t.field({ type: RedirectType }),
      tags: t.stringList(),
      rules: t.field({ type: [RedirectRuleInput], description: "Ordered: the first matching rule decides, else deep links, else url." }),
      deepLinks: t.field({ type: DeepLinksInput }),
      preview: t.field({ type: LinkPreviewInput }),
    }),
  },
  {
    description: `Creates a short link. Send an ${IDEMPOTENCY_HEADER} header to make retries safe.`,
    resolve: async (_root, { input }, context) => {
      const idempotencyKey = validateIdempotencyKey(context.request.headers.get(IDEMPOTENCY_HEADER));
      return {
        link: await createLink(context.services, context.actor, { ...input, workspaceId: input.workspaceId?.toString() }, { idempotencyKey }),
      };
    },
  },
  linkPayload,
);

builder.relayMutationField(
  "updateLink",
  {
    inputFields: (t) => ({
      id: t.id({ required: true }),
      url: t.string(),
      domain: t.string({ description: "Moves the link to another of the workspace's domains (null: the default one)." }),
      slug: t.string(),
      title: t.string(),
      expiresAt: t.field({ type: "DateTime" }),
      maxClicks: t.int(),
      fallbackUrl: t.string(),
      password: t.string({ description: "null removes the password." }),
      redirectType: t.field({ type: RedirectType }),
      tags: t.stringList(),
      archived: t.boolean(),
      rules: t.field({ type: [RedirectRuleInput], description: "Replaces the whole list; null or [] removes every rule." }),
      deepLinks: t.field({ type: DeepLinksInput, description: "Replaces both; null removes them." }),
      preview: t.field({ type: LinkPreviewInput, description: "Replaces the preview; null removes it." }),
    }),
  },
  {
    description: "Changes a link; omitted fields stay as they are, null clears an optional one.",
    resolve: async (_root, { input: { id, ...changes } }, context) => {
      const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      return { link: await updateLink(context.services, context.actor, { ...fields, id: String(id) }) };
    },
  },
  linkPayload,
);

builder.relayMutationField(
  "deleteLink",
  { inputFields: (t) => ({ id: t.id({ required: true }) }) },
  {
    resolve: async (_root, { input }, context) => {
      await deleteLink(context.services, context.actor, { id: String(input.id) });
      return { deletedId: String(input.id) };
    },
  },
  { outputFields: (t) => ({ deletedId: t.exposeID("deletedId") }) },
);
