import type { ApiKeyScope } from "../identity/viewer.js";

export const WORKSPACE_ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** Higher ranks may manage lower ones (members.manage only reaches people ranked below you). */
export const ROLE_RANK: Record<WorkspaceRole, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1, VIEWER: 0 };

const EVERYONE = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;
const WRITERS = ["OWNER", "ADMIN", "MEMBER"] as const;
const MANAGERS = ["OWNER", "ADMIN"] as const;
const OWNER = ["OWNER"] as const;

/**
 * THE permission table (README "Workspaces and roles" prints the same): which workspace roles
 * hold each permission, and what an API key needs on top — a scope, "any" key, or "never"
 * (a person's session is required).
 */
export const PERMISSIONS = {
  "workspace.read": { roles: EVERYONE, apiKey: "any" },
  "links.read": { roles: EVERYONE, apiKey: "LINKS_READ" },
  "analytics.read": { roles: EVERYONE, apiKey: "ANALYTICS_READ" },
  "links.write": { roles: WRITERS, apiKey: "LINKS_WRITE" },
  "webhooks.read": { roles: EVERYONE, apiKey: "WEBHOOKS_MANAGE" },
  "webhooks.manage": { roles: MANAGERS, apiKey: "WEBHOOKS_MANAGE" },
  "domains.manage": { roles: MANAGERS, apiKey: "DOMAINS_MANAGE" },
  "apiKeys.manage": { roles: MANAGERS, apiKey: "never" },
  "members.invite": { roles: MANAGERS, apiKey: "never" },
  "members.manage": { roles: MANAGERS, apiKey: "never" },
  "workspace.update": { roles: MANAGERS, apiKey: "never" },
  "workspace.delete": { roles: OWNER, apiKey: "never" },
  "workspace.transfer": { roles: OWNER, apiKey: "never" },
} as const satisfies Record<string, { roles: readonly WorkspaceRole[]; apiKey: ApiKeyScope | "any" | "never" }>;

export type Permission = keyof typeof PERMISSIONS;

export const roleHas = (role: WorkspaceRole, permission: Permission) => (PERMISSIONS[permission].roles as readonly WorkspaceRole[]).includes(role);

/** The scope an API key needs for a permission, "any", or "never". */
export const apiKeyNeeds = (permission: Permission): ApiKeyScope | "any" | "never" => PERMISSIONS[permission].apiKey;
