import type { Actor } from "../access/actor.js";
import type { Viewer } from "../identity/viewer.js";
import type { Logger } from "../platform/logger.js";
import type { Services } from "../services.js";

export interface GraphQLContext {
  services: Services;
  /** The verified credential (kept for the gateway: rate limits, persisted-operation policy). */
  viewer: Viewer | null;
  /** Who performs the operation, in which workspace: what every use case takes. */
  actor: Actor;
  request: Request;
  /** The client's address (TRUST_PROXY decides how far X-Forwarded-For is believed). */
  clientIp: string;
  requestId: string;
  log: Logger;
}
