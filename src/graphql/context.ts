import type { Viewer } from "../identity/viewer.js";
import type { Logger } from "../platform/logger.js";
import type { Services } from "../services.js";

export interface GraphQLContext {
  services: Services;
  viewer: Viewer | null;
  request: Request;
  /** The client's address (TRUST_PROXY decides how far X-Forwarded-For is believed). */
  clientIp: string;
  requestId: string;
  log: Logger;
}
