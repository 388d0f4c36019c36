import type { StaticAssets } from "../platform/static-assets.js";
import type { Services } from "../services.js";
import { createDocsRoute, createOpenApiRoute } from "./docs.js";
import { createRestRouter, type ApiRateLimits } from "./router.js";

/** The REST API under /api/v1 with its document and reference page. */
export function createRestRoute(services: Services, rateLimits: ApiRateLimits, assets: StaticAssets) {
  return createRestRouter(services, rateLimits, { "/openapi.json": createOpenApiRoute(), "/docs": createDocsRoute(assets) });
}
