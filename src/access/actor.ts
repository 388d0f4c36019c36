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
  readonly apiKey: ApiKeyIdentity | null;
  /** The signed-in person's id (an API key's creator); UNAUTHENTICATED when anonymous. */
  requireUser(): string;
  /** The same, refusing API keys (FORBIDDEN): managing accounts, keys and members takes a person. */
  requireSession(): string;
  /** Instance administrators see and manage every workspace (never through an API key). */
  isInstanceAdmin(): Promise<boolean>;
  /**
   * Access to a workspace: the given one (an object's workspace, an input's workspaceId), else the
   * selected one (X-Workspace-Id, connection_init workspaceId; default personal, or the key's).
   * NOT_FOUND ("<what> not found") when there is no such workspace or the actor is not a member.
   */
  access(workspaceId?: string | null, what?: string): Promise<WorkspaceAccess>;
}

/** What the database says about the actor, loaded once, on first use (refused requests cost no query). */
export interface ActorFacts {
  instanceAdmin: boolean;
  personalWorkspaceId: string;
  /** Roles already known (the selected workspace's, the key's), to spare a query. */
  knownRoles: ReadonlyMap<string, WorkspaceRole>;
}

export interface ActorSource {
  userId: string;
  apiKey: ApiKeyIdentity | null;
  /** The workspace the transport selected (a uuid), or null for the default; throws for a malformed selection. */
  selectedWorkspaceId: () => string | null;
  /** Throws UNAUTHENTICATED when the account (or the key's creator's membership) is gone. */
  load: () => Promise<ActorFacts>;
  lookupRole: (workspaceId: string) => Promise<WorkspaceRole | null>;
}

export const ANONYMOUS: Actor = {
  kind: "anonymous",
  userId: null,
  apiKey: null,
  requireUser: () => {
    throw unauthenticated();
  },
  requireSession: () => {
    throw unauthenticated();
  },
  isInstanceAdmin: async () => false,
  access: () => Promise.reject(unauthenticated()),
};

export function createActor(source: ActorSource): Actor {
  const { userId, apiKey } = source;
  let facts: Promise<ActorFacts> | undefined;
  const load = () => (facts ??= source.load());
  const roles = new Map<string, Promise<WorkspaceRole | null>>();
  const roleIn = async (workspaceId: string) => {
    const known = (await load()).knownRoles.get(workspaceId);
    if (known) return known;
    let role = roles.get(workspaceId);
    if (!role) roles.set(workspaceId, (role = source.lookupRole(workspaceId)));
    return role;
  };
  const isInstanceAdmin = async () => !apiKey && (await load()).instanceAdmin;

  return {
    kind: apiKey ? "apiKey" : "user",
    userId,
    apiKey,
    requireUser: () => userId,
    requireSession() {
      if (apiKey) throw forbidden("API keys cannot do this: sign in as a person");
      return userId;
    },
    isInstanceAdmin,
    async access(workspaceId, what = "Workspace") {
      const id = workspaceId ?? source.selectedWorkspaceId() ?? apiKey?.workspaceId ?? (await load()).personalWorkspaceId;
      // A key lives in one workspace: any other is as unknown to it as a missing one.
      if (apiKey && id !== apiKey.workspaceId) throw notFound(what);
      const role = await roleIn(id);
      const viaInstanceAdmin = role === null && (await isInstanceAdmin());
      if (role === null && !viaInstanceAdmin) throw notFound(what);
      return workspaceAccess(id, role ?? "OWNER", viaInstanceAdmin, apiKey);
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
