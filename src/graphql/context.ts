import type { Viewer } from "../identity/viewer.js";
import type { Logger } from "../platform/logger.js";
import type { Services } from "../services.js";

export interface GraphQLContext {
  services: Services;
  viewer: Viewer | null;
  request: Request;
  requestId: string;
  log: Logger;
}
