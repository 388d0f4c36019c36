import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { normalizeHost } from "../links/own-hosts.js";

/** The default domain's row (created by the custom_domains migration): every link without a custom domain is on it. */
export const DEFAULT_DOMAIN_ID = "00000000-0000-7000-8000-000000000000";

export const defaultHostname = (config: Pick<Config, "publicBaseUrl">) => normalizeHost(new URL(config.publicBaseUrl).hostname);

/** Writes PUBLIC_BASE_URL's host on the default domain's row (at start: the setting may have changed). */
export async function syncDefaultDomain(db: Db, config: Pick<Config, "publicBaseUrl">) {
  const hostname = defaultHostname(config);
  const clash = await db.domain.findFirst({ where: { hostname, id: { not: DEFAULT_DOMAIN_ID } }, select: { id: true } });
  if (clash) throw new Error(`PUBLIC_BASE_URL's host ${hostname} is also a workspace's custom domain: remove that domain first`);
  await db.domain.updateMany({ where: { id: DEFAULT_DOMAIN_ID, hostname: { not: hostname } }, data: { hostname } });
}
