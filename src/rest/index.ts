import type { GraphQLRateLimits } from "../graphql/gateway/rate-limits.js";
import type { StaticAssets } from "../platform/static-assets.js";
import type { Services } from "../services.js";
import { createDocsRoute, createOpenApiRoute } from "./docs.js";
import { createRestRouter } from "./router.js";

/** The REST API under /api/v1 with its document and reference page. */
export function createRestRoute(services: Services, rateLimits: GraphQLRateLimits, assets: StaticAssets) {
  return createRestRouter(services, rateLimits, { "/openapi.json": createOpenApiRoute(), "/docs": createDocsRoute(assets) });
}
