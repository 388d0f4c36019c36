import { z } from "zod";
import type { Link } from "../generated/prisma/client.js";
import { createLink } from "../links/create-link.js";
import { deleteLink } from "../links/delete-link.js";
import { findLinkBySlug, findLinkFor, listLinks } from "../links/find-links.js";
import { createLinkSchema, REDIRECT_TYPES, updateLinkSchema } from "../links/link-input.js";
import { shortUrlOf } from "../domains/short-url.js";
import { LINK_STATUSES, linkStatus } from "../links/link-status.js";
import { BROWSERS, DEVICE_TYPES, OPERATING_SYSTEMS, storedRules } from "../links/redirect-rules.js";
import { updateLink } from "../links/update-link.js";
import { fromPublicId, toPublicId } from "../platform/public-id.js";
import type { Services } from "../services.js";
import { bulkCreate } from "./bulk.js";
import { operation, type RestContext } from "./operation.js";
import { dateTime, idParam, iso, pageBody, pageOf, pageQuery, queryBoolean, withDates } from "./schemas.js";

const conditionsOut = z.object({
  devices: z.array(z.enum(DEVICE_TYPES)).optional(),
  os: z.array(z.enum(OPERATING_SYSTEMS)).optional(),
  browsers: z.array(z.enum(BROWSERS)).optional(),
  languages: z.array(z.string()).optional(),
  countries: z.array(z.string()).optional(),
  from: dateTime.optional(),
  until: dateTime.optional(),
  query: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
});

/** A redirect rule as stored and served: one destination (`url`) or a weighted split (`variants`). */
export const RedirectRuleSchema = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    conditions: conditionsOut,
    url: z.string().optional(),
    variants: z.array(z.object({ id: z.string(), url: z.string(), weight: z.number().int() })).optional(),
  })
  .meta({ id: "RedirectRule" });

export const LinkSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    url: z.string(),
    shortUrl: z.string(),
    domain: z.string().meta({ description: "The hostname it is served on." }),
    title: z.string().nullable(),
    tags: z.array(z.string()),
    redirectType: z.enum(REDIRECT_TYPES),
    expiresAt: dateTime.nullable(),
    maxClicks: z.number().int().nullable(),
    fallbackUrl: z.string().nullable(),
    hasPassword: z.boolean(),
    archivedAt: dateTime.nullable(),
    status: z.enum(LINK_STATUSES),
    clickCount: z.number().int(),
    rules: z.array(RedirectRuleSchema).meta({ description: "Evaluated in order on every redirect; the link's url is the fallback." }),
    deepLinks: z.object({ ios: z.string().nullable(), android: z.string().nullable() }),
    preview: z.object({ title: z.string().nullable(), description: z.string().nullable(), imageUrl: z.string().nullable() }),
    workspaceId: z.string(),
    ownerId: z.string(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Link" });

const EXAMPLE_LINK = {
  id: "TGluazowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE",
  slug: "launch",
  url: "https://example.com/launch",
  shortUrl: "https://sho.rt/launch",
  domain: "sho.rt",
  title: "Launch",
  tags: ["q4"],
  redirectType: "FOUND",
  expiresAt: null,
  maxClicks: null,
  fallbackUrl: null,
  hasPassword: false,
  archivedAt: null,
  status: "ACTIVE",
  clickCount: 42,
  rules: [{ id: "german", conditions: { languages: ["de"] }, url: "https://example.com/de/launch" }],
  deepLinks: { ios: null, android: null },
  preview: { title: null, description: null, imageUrl: null },
  workspaceId: "V29ya3NwYWNlOjAxOTNiMmUwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMg",
  ownerId: "VXNlcjowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDM",
  createdAt: "2026-12-01T09:30:00.000Z",
  updatedAt: "2026-12-01T09:30:00.000Z",
};

/** The same fields, ids and status as GraphQL's Link. */
export const linkJson = (services: Pick<Services, "config" | "clickPipeline" | "domains">, link: Link) => ({
  id: toPublicId("Link", link.id),
  slug: link.slug,
  url: link.url,
  shortUrl: shortUrlOf(services, link),
  domain: services.domains.hostnameOf(link.domainId) ?? services.domains.defaultDomain.hostname,
  title: link.title,
  tags: link.tags,
  redirectType: link.redirectType,
  expiresAt: iso(link.expiresAt),
  maxClicks: link.maxClicks,
  fallbackUrl: link.fallbackUrl,
  hasPassword: link.passwordHash !== null,
  archivedAt: iso(link.archivedAt),
  status: linkStatus(link, services.clickPipeline.uncommitted(link.id)),
  clickCount: link.clickCount,
  rules: storedRules(link.rules),
  deepLinks: { ios: link.iosUrl, android: link.androidUrl },
  preview: { title: link.previewTitle, description: link.previewDescription, imageUrl: link.previewImageUrl },
  workspaceId: toPublicId("Workspace", link.workspaceId),
  ownerId: toPublicId("User", link.ownerId),
  createdAt: link.createdAt.toISOString(),
  updatedAt: link.updatedAt.toISOString(),
});

const LINK_DATES = ["expiresAt"] as const;
// The documented bodies are the use cases' own schemas (own hosts only matter at run time).
const createBody = createLinkSchema([]).meta({ id: "CreateLinkInput" });
const updateBody = updateLinkSchema([]).omit({ id: true }).meta({ id: "UpdateLinkInput" });
const linkId = idParam("The link's id (as in GraphQL).");

/** The link behind /links/{id}, as the caller may read it (404 otherwise). */
const readLink = (context: RestContext<unknown>) =>
  findLinkFor(context.services, context.actor, { id: fromPublicId("Link", context.params.id!, "id") }, "links.read");
const currentLink = async (context: RestContext<unknown>) => linkJson(context.services, await readLink(context));

const ok = (body: unknown) => ({ status: 200, body });
const created = (context: RestContext<unknown>, link: Link) => ({
  status: 201,
  body: linkJson(context.services, link),
  headers: { location: `${context.apiUrl}/links/${toPublicId("Link", link.id)}` },
});

export const linkOperations = [
  operation({
    method: "GET",
    path: "/links",
    operationId: "listLinks",
    summary: "List links",
    description: "The selected workspace's links (X-Workspace-Id, default your personal one), newest first.",
    tag: "Links",
    permission: "links.read",
    paginated: true,
    query: pageQuery.extend({
      search: z.string().max(200).optional().meta({ description: "Case-insensitive match on slug, URL or title." }),
      tag: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .meta({ description: "Links carrying any of these tags (repeat the parameter)." }),
      archived: queryBoolean.optional().meta({ description: "true: only archived links; default: only live ones." }),
    }),
    success: {
      status: 200,
      description: "One page of links.",
      schema: pageOf(LinkSchema, "LinkPage"),
      example: { data: [EXAMPLE_LINK], next: null },
    },
    async handle(context) {
      const { first, after, search, tag, archived } = context.query;
      const tags = tag === undefined ? undefined : [tag].flat();
      const page = await listLinks(context.services, context.actor, { first, after, filter: { search, tags, archived } });
      return ok(pageBody(page, (link: Link) => linkJson(context.services, link)));
    },
  }),
  operation({
    method: "POST",
    path: "/links",
    operationId: "createLink",
    summary: "Create a link",
    description: "Send an Idempotency-Key header to make retries safe.",
    tag: "Links",
    permission: "links.write",
    idempotent: true,
    body: createBody,
    bodyExample: { url: "https://example.com/launch", slug: "launch", tags: ["q4"] },
    success: { status: 201, description: "The link, with its URL in Location.", schema: LinkSchema, example: EXAMPLE_LINK },
    async handle(context) {
      const input = withDates(context.body, LINK_DATES) as Parameters<typeof createLink>[2];
      return created(context, await createLink(context.services, context.actor, input, { idempotencyKey: context.idempotencyKey }));
    },
  }),
  operation({
    method: "POST",
    path: "/links/bulk",
    operationId: "createLinks",
    summary: "Create up to 100 links",
    description: "Each item is created on its own: the answer lists, in order, each link or the problem that refused it.",
    tag: "Links",
    permission: "links.write",
    body: z.array(createBody).min(1).max(100),
    bodyExample: [{ url: "https://example.com/a" }, { url: "https://example.com/b", slug: "b" }],
    success: {
      status: 200,
      description: "Per-item results, in the order sent.",
      schema: z
        .object({
          results: z.array(
            z.object({ status: z.number().int(), link: LinkSchema.optional(), problem: z.record(z.string(), z.unknown()).optional() }),
          ),
        })
        .meta({ id: "BulkLinkResults" }),
    },
    async handle(context) {
      return ok(
        await bulkCreate(
          context,
          (input) => createLink(context.services, context.actor, withDates(input, LINK_DATES) as never),
          (link: Link) => linkJson(context.services, link),
        ),
      );
    },
  }),
  operation({
    method: "GET",
    path: "/links/lookup",
    operationId: "getLinkBySlug",
    summary: "Find a link by slug",
    description: "In any workspace you are a member of.",
    tag: "Links",
    permission: "links.read",
    query: z.object({
      slug: z.string().meta({ description: "The short link's slug (case-sensitive).", example: "launch" }),
      domain: z.string().optional().meta({ description: "The custom domain it lives on (default: the service's own).", example: "go.example.com" }),
    }),
    success: { status: 200, description: "The link.", schema: LinkSchema, example: EXAMPLE_LINK },
    async handle(context) {
      return ok(
        linkJson(context.services, await findLinkBySlug(context.services, context.actor, { slug: context.query.slug, domain: context.query.domain })),
      );
    },
  }),
  operation({
    method: "GET",
    path: "/links/{id}",
    operationId: "getLink",
    summary: "Get a link",
    tag: "Links",
    permission: "links.read",
    pathParams: linkId,
    success: { status: 200, description: "The link (ETag: send it back in If-None-Match or If-Match).", schema: LinkSchema, example: EXAMPLE_LINK },
    handle: async (context) => ok(await currentLink(context)),
  }),
  operation({
    method: "PATCH",
    path: "/links/{id}",
    operationId: "updateLink",
    summary: "Update a link",
    description:
      "Omitted fields stay as they are; null clears an optional one; `archived: true` archives. Send If-Match to refuse a stale write (412).",
    tag: "Links",
    permission: "links.write",
    pathParams: linkId,
    body: updateBody,
    bodyExample: { title: "Launch (final)", archived: false },
    current: currentLink,
    success: { status: 200, description: "The updated link.", schema: LinkSchema, example: EXAMPLE_LINK },
    async handle(context) {
      const changes = withDates(context.body, LINK_DATES) as object;
      return ok(linkJson(context.services, await updateLinkFromRest(context, changes)));
    },
  }),
  operation({
    method: "POST",
    path: "/links/{id}/archive",
    operationId: "archiveLink",
    summary: "Archive a link",
    description: "It stops redirecting (410, or its fallback URL) and leaves the default list; PATCH `archived: false` restores it.",
    tag: "Links",
    permission: "links.write",
    pathParams: linkId,
    success: {
      status: 200,
      description: "The archived link.",
      schema: LinkSchema,
      example: { ...EXAMPLE_LINK, status: "ARCHIVED", archivedAt: "2026-12-02T10:00:00.000Z" },
    },
    handle: async (context) => ok(linkJson(context.services, await updateLinkFromRest(context, { archived: true }))),
  }),
  operation({
    method: "DELETE",
    path: "/links/{id}",
    operationId: "deleteLink",
    summary: "Delete a link",
    description: "Deletes the link and its clicks. Send If-Match to refuse deleting a version you have not seen (412).",
    tag: "Links",
    permission: "links.write",
    pathParams: linkId,
    current: currentLink,
    success: { status: 204, description: "Deleted." },
    async handle(context) {
      await deleteLink(context.services, context.actor, { id: context.params.id! });
      return { status: 204 };
    },
  }),
];

function updateLinkFromRest(context: RestContext<unknown>, changes: object) {
  return updateLink(context.services, context.actor, { ...changes, id: context.params.id! } as Parameters<typeof updateLink>[2]);
}
