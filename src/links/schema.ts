import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "../graphql/builder.js";
import { nodeAuthorizer } from "../graphql/node-auth.js";
import { objectPayload } from "../graphql/payload.js";
import { IDEMPOTENCY_HEADER, validateIdempotencyKey } from "../platform/idempotency.js";
import { createLink } from "./create-link.js";
import { deleteLink } from "./delete-link.js";
import { authorizeLinkRead, findLinkBySlug, listLinks } from "./find-links.js";
import { REDIRECT_TYPES } from "./link-input.js";
import { unavailability } from "./redirect-decision.js";
import { updateLink } from "./update-link.js";
import { shortUrlOf } from "../domains/short-url.js";

export const RedirectType = builder.enumType("RedirectType", {
  description: "The HTTP status a short link answers with: 302 (default), 301, 307 or 308.",
  values: REDIRECT_TYPES,
});

const LinkStatus = builder.enumType("LinkStatus", {
  values: ["ACTIVE", "ARCHIVED", "EXPIRED", "EXHAUSTED"] as const,
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
      resolve: (link, _args, context) => {
        const reason = unavailability(
          {
            archived: link.archivedAt !== null,
            expiresAt: link.expiresAt?.getTime() ?? null,
            maxClicks: link.maxClicks,
            clicks: link.clickCount + context.services.clickPipeline.uncommitted(link.id),
          },
          Date.now(),
        );
        return reason === null ? "ACTIVE" : (reason.toUpperCase() as "ARCHIVED" | "EXPIRED" | "EXHAUSTED");
      },
    }),
    clickCount: t.exposeInt("clickCount", {
      description: "Clicks stored so far (bots excluded): written in batches, about a second behind the redirects. Live: subscription clickCounts.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
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
      description: "The selected workspace's links (X-Workspace-Id, default your personal one), newest first (keyset pagination: stable while links are added).",
      args: { filter: t.arg({ type: LinkFilter }), workspaceId: t.arg.id({ description: "Overrides the X-Workspace-Id header." }) },
      resolve: (_root, args, context, info) =>
        listLinks(context.services, context.actor, { ...args, workspaceId: args.workspaceId?.toString() }, queryFromInfo({ context, info, path: ["edges", "node"] })),
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
    }),
  },
  {
    description: `Creates a short link. Send an ${IDEMPOTENCY_HEADER} header to make retries safe.`,
    resolve: async (_root, { input }, context) => {
      const idempotencyKey = validateIdempotencyKey(context.request.headers.get(IDEMPOTENCY_HEADER));
      return { link: await createLink(context.services, context.actor, { ...input, workspaceId: input.workspaceId?.toString() }, { idempotencyKey }) };
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
