import type { Config } from "../config.js";
import type { DomainRegistry } from "./domain-registry.js";

/**
 * The origin a link's short URL starts with: PUBLIC_BASE_URL on the default domain, else the
 * custom domain with PUBLIC_BASE_URL's scheme (the reverse proxy terminates TLS for both).
 */
export function linkBaseUrl(
  services: { config: Pick<Config, "publicBaseUrl">; domains: Pick<DomainRegistry, "hostnameOf" | "defaultDomain"> },
  domainId: string,
) {
  const { publicBaseUrl } = services.config;
  if (domainId === services.domains.defaultDomain.id) return publicBaseUrl;
  const hostname = services.domains.hostnameOf(domainId);
  return hostname ? `${new URL(publicBaseUrl).protocol}//${hostname}` : publicBaseUrl;
}

export const shortUrlOf = (services: Parameters<typeof linkBaseUrl>[0], link: { domainId: string; slug: string }) =>
  `${linkBaseUrl(services, link.domainId)}/${link.slug}`;
