import { queryFromInfo } from "@pothos/plugin-prisma";
import { resolveCursorConnection, type ResolveCursorConnectionArgs } from "@pothos/plugin-relay";
import { builder } from "../graphql/builder.js";
import { idOf } from "../graphql/global-id.js";
import { nodeScopes } from "../graphql/node-auth.js";
import { requireScope } from "../identity/viewer.js";
import { IDEMPOTENCY_HEADER, validateIdempotencyKey } from "../platform/idempotency.js";
import { badInput } from "../platform/errors.js";
import { createLink } from "./create-link.js";
import { deleteLink } from "./delete-link.js";
import { findLinkBySlug, listLinks, type LinkPosition } from "./find-links.js";
import { REDIRECT_TYPES } from "./link-input.js";
import { unavailability } from "./redirect-decision.js";
import { updateLink } from "./update-link.js";
import { visibleLinks } from "./visibility.js";

const RedirectType = builder.enumType("RedirectType", {
  description: "The HTTP status a short link answers with: 302 (default), 301, 307 or 308.",
  values: REDIRECT_TYPES,
});

const LinkStatus = builder.enumType("LinkStatus", {
  values: ["ACTIVE", "ARCHIVED", "EXPIRED", "EXHAUSTED"] as const,
});

// Reading links by global ID takes LINKS_READ for API keys, as `link` and `links` do.
nodeScopes("Link", { apiKeyScope: "LINKS_READ" });

export const Link = builder.prismaNode("Link", {
  id: { field: "id" },
  nullable: true,
  // Defence in depth behind the queries' own filters: only the owner or an admin reads a link.
  authScopes: (link) => ({ owner: link.ownerId }),
  // Someone else's link is indistinguishable from a missing one.
  findUnique: (id, context) => ({ id, ...(context.viewer ? visibleLinks(context.viewer) : { ownerId: "" }) }) as { id: string },
  fields: (t) => ({
    slug: t.exposeString("slug"),
    url: t.exposeString("url", { description: "The destination." }),
    shortUrl: t.string({ resolve: (link, _args, context) => `${context.services.config.publicBaseUrl}/${link.slug}` }),
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
    owner: t.relation("owner"),
  }),
});

const LinkFilter = builder.inputType("LinkFilter", {
  fields: (t) => ({
    search: t.string({ description: "Case-insensitive match on slug, URL or title." }),
    tags: t.stringList({ description: "Links carrying any of these tags." }),
    archived: t.boolean({ description: "true: only archived links; false (default): only live ones." }),
    allOwners: t.boolean({ description: "Admins only: every owner's links instead of your own." }),
  }),
});

builder.queryField("link", (t) =>
  t.prismaField({
    type: Link,
    nullable: true,
    authScopes: { apiKeyScope: "LINKS_READ" },
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, context) => findLinkBySlug(context.services, requireScope(context.viewer, "LINKS_READ"), slug, query),
  }),
);

// Opaque to clients: base64url of "<createdAt ISO>|<id>", the keyset position of a link.
const encodeCursor = (link: LinkPosition) => Buffer.from(`${link.createdAt.toISOString()}|${link.id}`).toString("base64url");
function decodeCursor(cursor: string | undefined, field: string): LinkPosition | undefined {
  if (cursor === undefined) return undefined;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw badInput(field, `${field} is not a valid cursor`);
  return { createdAt, id };
}

builder.queryField("links", (t) =>
  t.connection({
    type: Link,
    nullable: true,
    description: "Your links, newest first (keyset pagination: stable while links are added).",
    authScopes: { apiKeyScope: "LINKS_READ" },
    args: { filter: t.arg({ type: LinkFilter }) },
    resolve: (_root, args, context, info) => {
      const viewer = requireScope(context.viewer, "LINKS_READ");
      const query = queryFromInfo({ context, info, path: ["edges", "node"] });
      return resolveCursorConnection(
        { args, toCursor: encodeCursor, defaultSize: 20, maxSize: 100 },
        ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
          listLinks(
            context.services,
            viewer,
            { filter: args.filter, after: decodeCursor(after, "after"), before: decodeCursor(before, "before"), limit, inverted },
            query,
          ),
      );
    },
  }, { name: "LinkConnection" }, { name: "LinkEdge" }),
);

const linkPayload = {
  outputFields: (t: any) => ({ link: t.field({ type: Link, resolve: (payload: { link: unknown }) => payload.link }) }),
};

builder.relayMutationField(
  "createLink",
  {
    inputFields: (t) => ({
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
    authScopes: { apiKeyScope: "LINKS_WRITE" },
    resolve: async (_root, { input }, context) => {
      const viewer = requireScope(context.viewer, "LINKS_WRITE");
      const idempotencyKey = validateIdempotencyKey(context.request.headers.get(IDEMPOTENCY_HEADER));
      return { link: await createLink(context.services, viewer, input, { idempotencyKey }) };
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
    authScopes: { apiKeyScope: "LINKS_WRITE" },
    resolve: async (_root, { input: { id, ...changes } }, context) => {
      const viewer = requireScope(context.viewer, "LINKS_WRITE");
      const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      return { link: await updateLink(context.services, viewer, idOf("Link", String(id)), fields) };
    },
  },
  linkPayload,
);

builder.relayMutationField(
  "deleteLink",
  { inputFields: (t) => ({ id: t.id({ required: true }) }) },
  {
    authScopes: { apiKeyScope: "LINKS_WRITE" },
    resolve: async (_root, { input }, context) => {
      await deleteLink(context.services, requireScope(context.viewer, "LINKS_WRITE"), idOf("Link", String(input.id)));
      return { deletedId: String(input.id) };
    },
  },
  { outputFields: (t) => ({ deletedId: t.exposeID("deletedId") }) },
);
