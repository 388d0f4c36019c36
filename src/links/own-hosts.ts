import type { Config } from "../config.js";

/** Hosts that serve our short links: a destination there would redirect in a loop. */
export const ownHosts = (config: Pick<Config, "publicBaseUrl">) => [new URL(config.publicBaseUrl).host.toLowerCase()];
