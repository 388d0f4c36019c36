import type { ApiKeyScope } from "../identity/viewer.js";
import { forbidden, notFound, unauthenticated } from "../platform/errors.js";
import { apiKeyNeeds, roleHas, type Permission, type WorkspaceRole } from "./permissions.js";

/** A workspace as one actor may act in it: `require` is the one authorization check of the codebase. */
export interface WorkspaceAccess {
  readonly workspaceId: string;
  /** The actor's role there (an instance admin who is not a member acts as OWNER). */
  readonly role: WorkspaceRole;
  readonly viaInstanceAdmin: boolean;
  can(permission: Permission): boolean;
  /** FORBIDDEN (with `permission` and `role`, or an API key's missing `scope`) unless allowed. */
  require(permission: Permission): void;
}

export interface ApiKeyIdentity {
  id: string;
  scopes: readonly ApiKeyScope[];
  workspaceId: string;
}

/**
 * Who performs an operation: built once per request (or WebSocket connection) by the edge with
 * resolveActor, then handed to use cases with the raw input. Ids are database uuids.
 */
export interface Actor {
  readonly kind: "user" | "apiKey" | "anonymous";
  readonly userId: string | null;
  /** Instance administrators see and manage every workspace (never through an API key). */
  readonly instanceAdmin: boolean;
  readonly apiKey: ApiKeyIdentity | null;
  /** The signed-in person's id; UNAUTHENTICATED when anonymous. */
  requireUser(): string;
  /** The same, refusing API keys (FORBIDDEN): managing accounts, keys and members takes a person. */
  requireSession(): string;
  /**
   * Access to a workspace: the given one (an object's workspace, an input's workspaceId), else the
   * selected one (X-Workspace-Id, connection_init workspaceId; default personal, or the key's).
   * NOT_FOUND ("<what> not found") when there is no such workspace or the actor is not a member.
   */
  access(workspaceId?: string | null, what?: string): Promise<WorkspaceAccess>;
}

/** Looks up one membership role (null: not a member); resolveActor supplies the database version. */
export type RoleLookup = (workspaceId: string) => Promise<WorkspaceRole | null>;

export interface ActorIdentity {
  userId: string;
  instanceAdmin: boolean;
  apiKey: ApiKeyIdentity | null;
  /** The workspace chosen by the transport, or a thunk that fails as the selection is used (bad header). */
  selectedWorkspaceId: () => string;
}

export const ANONYMOUS: Actor = {
  kind: "anonymous",
  userId: null,
  instanceAdmin: false,
  apiKey: null,
  requireUser: () => {
    throw unauthenticated();
  },
  requireSession: () => {
    throw unauthenticated();
  },
  access: () => Promise.reject(unauthenticated()),
};

export function createActor(identity: ActorIdentity, lookupRole: RoleLookup, knownRoles: ReadonlyMap<string, WorkspaceRole> = new Map()): Actor {
  const { userId, apiKey } = identity;
  const instanceAdmin = identity.instanceAdmin && !apiKey;
  const roles = new Map<string, Promise<WorkspaceRole | null>>([...knownRoles].map(([id, role]) => [id, Promise.resolve(role)]));
  const roleIn = (workspaceId: string) => {
    let role = roles.get(workspaceId);
    if (!role) roles.set(workspaceId, (role = lookupRole(workspaceId)));
    return role;
  };

  return {
    kind: apiKey ? "apiKey" : "user",
    userId,
    instanceAdmin,
    apiKey,
    requireUser: () => userId,
    requireSession() {
      if (apiKey) throw forbidden("API keys cannot do this: sign in as a person");
      return userId;
    },
    async access(workspaceId, what = "Workspace") {
      const id = workspaceId ?? identity.selectedWorkspaceId();
      // A key lives in one workspace: any other is as unknown to it as a missing one.
      if (apiKey && id !== apiKey.workspaceId) throw notFound(what);
      const role = await roleIn(id);
      if (role === null && !instanceAdmin) throw notFound(what);
      return workspaceAccess(id, role ?? "OWNER", role === null, apiKey);
    },
  };
}

function workspaceAccess(workspaceId: string, role: WorkspaceRole, viaInstanceAdmin: boolean, apiKey: ApiKeyIdentity | null): WorkspaceAccess {
  const refusal = (permission: Permission) => {
    if (apiKey) {
      const needs = apiKeyNeeds(permission);
      if (needs === "never") return forbidden("API keys cannot do this: sign in as a person", { permission });
      if (needs !== "any" && !apiKey.scopes.includes(needs)) return forbidden(`This API key lacks the ${needs} scope`, { scope: needs });
    }
    if (!viaInstanceAdmin && !roleHas(role, permission)) {
      return forbidden(`Your role in this workspace (${role}) does not allow ${permission}`, { permission, role });
    }
    return null;
  };
  return {
    workspaceId,
    role,
    viaInstanceAdmin,
    can: (permission) => refusal(permission) === null,
    require(permission) {
      const error = refusal(permission);
      if (error) throw error;
    },
  };
}
