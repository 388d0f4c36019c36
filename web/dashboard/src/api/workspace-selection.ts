// Which workspace the dashboard acts in: sent as X-Workspace-Id on every request (session.ts) and
// as `workspaceId` in graphql-ws' connection_init (live.ts). null is the server's default, your
// personal workspace. Kept apart from workspaces.ts so the transports need not import the pages' state.
import { createStore } from "../lib/store";

export const selectedWorkspaceId = createStore<string | null>(null);

export const workspaceHeaders = (): Record<string, string> => {
  const id = selectedWorkspaceId.get();
  return id ? { "x-workspace-id": id } : {};
};

/**
 * Bumped when the server ended a live subscription by itself: someone's role or membership
 * changed (README "Losing access is immediate"), so what the page may do is read again.
 */
export const accessMayHaveChanged = createStore(0);
