import { analyticsOperations } from "./analytics.js";
import { domainOperations } from "./domains.js";
import { linkOperations } from "./links.js";
import { liveOperations } from "./live.js";
import { meOperations } from "./me.js";
import { tagOperations } from "./tags.js";
import type { RestOperation } from "./operation.js";
import { webhookOperations } from "./webhooks.js";
import { workspaceOperations } from "./workspaces.js";

/** Every REST operation: the router serves them and the OpenAPI document describes them. A new resource is one file and one line here. */
export const OPERATIONS: readonly RestOperation[] = [
  ...meOperations,
  ...linkOperations,
  ...tagOperations,
  ...domainOperations,
  ...liveOperations,
  ...analyticsOperations,
  ...webhookOperations,
  ...workspaceOperations,
];
