// What each workspace role may do: the client's copy of src/access/permissions.ts (the server's
// table, which decides; src/dashboard/dashboard-permissions.test.ts keeps the two equal). The
// dashboard uses it to hide or disable what a role cannot do; the server still refuses it.
/** The schema's WorkspaceRole (the generated type is the same union). */
type WorkspaceRole = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";

const EVERYONE: readonly WorkspaceRole[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];
const WRITERS: readonly WorkspaceRole[] = ["OWNER", "ADMIN", "MEMBER"];
const MANAGERS: readonly WorkspaceRole[] = ["OWNER", "ADMIN"];
const OWNER: readonly WorkspaceRole[] = ["OWNER"];

export const ROLE_PERMISSIONS = {
  "workspace.read": EVERYONE,
  "links.read": EVERYONE,
  "analytics.read": EVERYONE,
  "links.write": WRITERS,
  "webhooks.read": EVERYONE,
  "webhooks.manage": MANAGERS,
  "domains.manage": MANAGERS,
  "apiKeys.manage": MANAGERS,
  "members.invite": MANAGERS,
  "members.manage": MANAGERS,
  "workspace.update": MANAGERS,
  "workspace.delete": OWNER,
  "workspace.transfer": OWNER,
} as const;

export type Permission = keyof typeof ROLE_PERMISSIONS;

export const ROLE_RANK: Record<WorkspaceRole, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1, VIEWER: 0 };

export const roleCan = (role: WorkspaceRole | null | undefined, permission: Permission) => !!role && ROLE_PERMISSIONS[permission].includes(role);

/** You manage people ranked below you, and grant at most your own rank (never OWNER: that is a transfer). */
export const canManageMember = (mine: WorkspaceRole, theirs: WorkspaceRole) => roleCan(mine, "members.manage") && ROLE_RANK[theirs] < ROLE_RANK[mine];
export const grantableRoles = (mine: WorkspaceRole): WorkspaceRole[] =>
  (["ADMIN", "MEMBER", "VIEWER"] as const).filter((role) => ROLE_RANK[role] <= ROLE_RANK[mine]);

export const ROLE_LABELS: Record<WorkspaceRole, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member", VIEWER: "Viewer" };
