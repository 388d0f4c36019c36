import { z } from "zod";
import type { Actor } from "../access/actor.js";
import type { Permission } from "../access/permissions.js";
import type { Prisma } from "../generated/prisma/client.js";
import { forbidden, notFound } from "../platform/errors.js";
import { paginate, pageArgsSchema } from "../platform/pagination.js";
import { publicId } from "../platform/public-id.js";
import { text } from "../platform/text.js";
import { hostnameSchema } from "../domains/hostname.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";

/** Relations to load with the links (from the GraphQL selection); never a `where`. */
export type LinkQuery = Omit<Prisma.LinkFindManyArgs, "where" | "orderBy" | "take" | "cursor" | "skip">;

/**
 * A link the actor may act on with `permission`, by id or slug: NOT_FOUND when it does not exist
 * or lives in a workspace the actor is not a member of (existence never leaks).
 */
export async function findLinkFor(
  services: Pick<Services, "db">,
  actor: Actor,
  where: { id: string } | { domainId_slug: { domainId: string; slug: string } },
  permission: Permission,
  query: LinkQuery = {},
) {
  actor.requireUser();
  const link = await services.db.link.findUnique({ ...query, where } as Prisma.LinkFindUniqueArgs);
  if (!link) throw notFound("Link");
  (await actor.access(link.workspaceId, "Link")).require(permission);
  return link;
}

const findBySlugSchema = z.object({ slug: text().max(200), domain: hostnameSchema.nullish() });

/** A link by slug on a domain (default: the default domain). */
export async function findLinkBySlug(
  services: Pick<Services, "db" | "domains">,
  actor: Actor,
  input: z.input<typeof findBySlugSchema>,
  query: LinkQuery = {},
) {
  const { slug, domain } = parseInput(findBySlugSchema, input);
  const domainId = domain ? services.domains.byHostname(domain)?.id : services.domains.defaultDomain.id;
  if (!domainId) throw notFound("Link");
  return findLinkFor(services, actor, { domainId_slug: { domainId, slug } }, "links.read", query);
}

/** node(id) of a Link: the read check alone (GraphQL loads the object with its selection). */
export async function authorizeLinkRead(services: Pick<Services, "db">, actor: Actor, id: string) {
  await findLinkFor(services, actor, { id }, "links.read", { select: { id: true, workspaceId: true } } as LinkQuery);
}

const listLinksSchema = pageArgsSchema.extend({
  workspaceId: publicId("Workspace").nullish(),
  filter: z
    .object({
      search: text().max(200).nullish(),
      tags: z.array(text().max(50)).max(20).nullish(),
      archived: z.boolean().nullish(),
      allOwners: z.boolean().nullish(),
    })
    .nullish(),
});
export type ListLinksInput = z.input<typeof listLinksSchema>;

/** One page of the workspace's links (admins: of every workspace with allOwners), newest first. */
export async function listLinks(services: Pick<Services, "db">, actor: Actor, input: ListLinksInput, query: LinkQuery = {}) {
  const { filter, workspaceId, ...page } = parseInput(listLinksSchema, input);
  const access = await actor.access(workspaceId);
  access.require("links.read");
  if (filter?.allOwners && !(await actor.isInstanceAdmin())) throw forbidden("Only instance admins can list every workspace's links");
  const where: Prisma.LinkWhereInput[] = [filter?.allOwners ? {} : { workspaceId: access.workspaceId }];
  if (filter?.archived !== null && filter?.archived !== undefined) where.push({ archivedAt: filter.archived ? { not: null } : null });
  else where.push({ archivedAt: null });
  if (filter?.tags?.length) where.push({ tags: { hasSome: filter.tags } });
  if (filter?.search) {
    const contains = filter.search;
    where.push({ OR: ["slug", "url", "title"].map((field) => ({ [field]: { contains, mode: "insensitive" } })) });
  }
  return paginate(page, (keyset) =>
    services.db.link.findMany({
      ...query,
      // The page's relations (owner, domain) in the same statement as the links.
      relationLoadStrategy: "join",
      where: { AND: [...where, keyset.where] },
      orderBy: keyset.orderBy,
      take: keyset.take,
    } as Prisma.LinkFindManyArgs),
  );
}
