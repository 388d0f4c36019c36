import type { Prisma } from "../generated/prisma/client.js";
import type { Viewer } from "../identity/viewer.js";
import { forbidden, notFound } from "../platform/errors.js";
import { isAdmin } from "../identity/viewer.js";
import type { Services } from "../services.js";
import { parseInput, text } from "../platform/validation.js";
import { z } from "zod";
import { visibleLinks } from "./visibility.js";

/** Relations to load with the links (from the GraphQL selection); never a `where`. */
type LinkQuery = Omit<Prisma.LinkFindManyArgs, "where" | "orderBy" | "take" | "cursor" | "skip">;

const slugLookupSchema = z.object({ slug: text() });
const linkFilterSchema = z
  .object({ search: text().nullish(), tags: z.array(text()).nullish() })
  .nullish();

export async function findLinkBySlug(services: Pick<Services, "db">, viewer: Viewer, slug: string, query: LinkQuery = {}) {
  parseInput(slugLookupSchema, { slug });
  const link = await services.db.link.findFirst({ ...query, where: { slug, ...visibleLinks(viewer) } } as Prisma.LinkFindFirstArgs);
  if (!link) throw notFound("Link");
  return link;
}

export interface LinkFilter {
  search?: string | null;
  tags?: string[] | null;
  archived?: boolean | null;
  allOwners?: boolean | null;
}

export interface LinkPosition {
  createdAt: Date;
  id: string;
}

/**
 * One page of links, newest first, by keyset on (createdAt, id): rows inserted while a client
 * pages never shift the pages it has not read yet. `inverted` reads backwards from `before`.
 */
export async function listLinks(
  services: Pick<Services, "db">,
  viewer: Viewer,
  page: { filter?: LinkFilter | null; after?: LinkPosition; before?: LinkPosition; limit: number; inverted: boolean },
  query: LinkQuery = {},
) {
  const { filter } = page;
  parseInput(z.object({ filter: linkFilterSchema }), { filter: filter && { search: filter.search, tags: filter.tags } });
  if (filter?.allOwners && !isAdmin(viewer)) throw forbidden("Only admins can list every owner's links");
  const where: Prisma.LinkWhereInput[] = [filter?.allOwners ? {} : { ownerId: viewer.userId }];
  if (filter?.archived !== null && filter?.archived !== undefined) where.push({ archivedAt: filter.archived ? { not: null } : null });
  else where.push({ archivedAt: null });
  if (filter?.tags?.length) where.push({ tags: { hasSome: filter.tags } });
  if (filter?.search) {
    const contains = filter.search.trim();
    where.push({ OR: ["slug", "url", "title"].map((field) => ({ [field]: { contains, mode: "insensitive" } })) });
  }
  if (page.after) where.push(beyond(page.after, "older"));
  if (page.before) where.push(beyond(page.before, "newer"));
  const direction = page.inverted ? "asc" : "desc";
  return services.db.link.findMany({
    ...query,
    where: { AND: where },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: page.limit,
  } as Prisma.LinkFindManyArgs);
}

function beyond({ createdAt, id }: LinkPosition, side: "older" | "newer"): Prisma.LinkWhereInput {
  const op = side === "older" ? "lt" : "gt";
  return { OR: [{ createdAt: { [op]: createdAt } }, { createdAt, id: { [op]: id } }] };
}
