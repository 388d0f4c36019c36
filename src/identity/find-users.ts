import type { Actor } from "../access/actor.js";
import { notFound } from "../platform/errors.js";
import type { Services } from "../services.js";

type UserQuery = { select?: object; include?: object };

/** The signed-in person (an API key's creator), or null when anonymous. */
export function findMe(services: Pick<Services, "db">, actor: Actor, query: UserQuery = {}) {
  if (actor.userId === null) return null;
  return services.db.user.findUnique({ ...query, where: { id: actor.userId } } as never);
}

/**
 * node(id) of a User: yourself, someone you share a workspace with (an API key: in its
 * workspace), or anyone for instance admins. NOT_FOUND otherwise.
 */
export async function authorizeUserRead(services: Pick<Services, "db">, actor: Actor, id: string) {
  const userId = actor.requireUser();
  if (id === userId && !actor.apiKey) return;
  if (await actor.isInstanceAdmin()) {
    if (await services.db.user.count({ where: { id } })) return;
    throw notFound("User");
  }
  const workspaces = actor.apiKey ? { workspaceId: actor.apiKey.workspaceId } : { workspace: { memberships: { some: { userId } } } };
  if (!(await services.db.membership.count({ where: { userId: id, ...workspaces } }))) throw notFound("User");
}
