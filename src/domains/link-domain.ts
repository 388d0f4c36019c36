import type { Services } from "../services.js";
import { badInput } from "../platform/errors.js";
import { DEFAULT_DOMAIN_ID } from "./default-domain.js";

/**
 * The domain a link is created on or moved to: the default domain when none is named (or its own
 * hostname), else one of the workspace's custom domains (pending ones too: links wait for verification).
 */
export async function domainForLink(services: Pick<Services, "db" | "domains">, workspaceId: string, hostname: string | null | undefined) {
  if (!hostname || hostname === services.domains.defaultDomain.hostname) {
    return { id: DEFAULT_DOMAIN_ID, defaultRedirectType: "FOUND" as const };
  }
  const domain = await services.db.domain.findFirst({ where: { hostname, workspaceId }, select: { id: true, defaultRedirectType: true } });
  if (!domain) throw badInput("domain", `domain: ${hostname} is not one of this workspace's domains (add it with addDomain)`);
  return domain;
}
