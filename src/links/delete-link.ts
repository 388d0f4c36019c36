import type { Viewer } from "../identity/viewer.js";
import { notFound } from "../platform/errors.js";
import type { Services } from "../services.js";
import { visibleLinks } from "./visibility.js";

export async function deleteLink(services: Pick<Services, "db" | "linkCache">, viewer: Viewer, linkId: string) {
  const { db, linkCache } = services;
  const link = await db.link.findFirst({ where: { id: linkId, ...visibleLinks(viewer) }, select: { id: true, slug: true } });
  if (!link) throw notFound("Link");
  await db.link.delete({ where: { id: link.id } });
  linkCache.invalidate(link.slug);
  return link;
}
