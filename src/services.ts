import type { Redis } from "ioredis";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import type { AccessTokenIssuer } from "./identity/access-tokens.js";
import type { ClickCounter } from "./links/click-counter.js";
import type { LinkCache } from "./links/link-cache.js";
import type { Logger } from "./platform/logger.js";

/** What use cases depend on; built once per process in app.ts and passed explicitly. */
export interface Services {
  config: Config;
  db: Db;
  log: Logger;
  accessTokens: AccessTokenIssuer;
  linkCache: LinkCache;
  clickCounter: ClickCounter;
  /** Present when REDIS_URL is set. */
  redis?: Redis;
}
