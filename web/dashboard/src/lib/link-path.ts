/**
 * The dashboard path of a link's page: `/links/<slug>` on the service's own domain,
 * `/on/<hostname>/links/<slug>` on a custom domain (the same slug may exist on both).
 */
export function linkPath(link: { slug: string; domain?: { hostname: string; isDefault: boolean } | null }, page: "" | "/edit" = "") {
  const base = link.domain && !link.domain.isDefault ? `/on/${encodeURIComponent(link.domain.hostname)}` : "";
  return `${base}/links/${encodeURIComponent(link.slug)}${page}`;
}
