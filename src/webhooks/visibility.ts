import type { Prisma } from "../generated/prisma/client.js";
import { isAdmin, type Viewer } from "../identity/viewer.js";

const NOBODY = "00000000-0000-0000-0000-000000000000";

/**
 * The webhooks a viewer may see and manage: their own, or any for an admin. An API key without
 * WEBHOOKS_MANAGE sees none. Someone else's webhook is indistinguishable from a missing one.
 */
export function visibleWebhooks(viewer: Viewer | null): Prisma.WebhookWhereInput {
  if (!viewer || (viewer.apiKey && !viewer.apiKey.scopes.includes("WEBHOOKS_MANAGE"))) return { ownerId: NOBODY };
  return isAdmin(viewer) ? {} : { ownerId: viewer.userId };
}
