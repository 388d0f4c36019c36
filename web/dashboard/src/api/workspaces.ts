// The signed-in person's workspaces and the one the dashboard acts in. The choice is remembered
// per account in localStorage and applied at once on load (no extra round trip before the first
// page); the list, with your role in each, follows and corrects a choice you no longer have.
import { createStore, useStore } from "../lib/store";
import { roleCan, type Permission } from "../lib/permissions";
import { describeError } from "./client";
import { request, session } from "./session";
import { accessMayHaveChanged, selectedWorkspaceId } from "./workspace-selection";
import { Workspaces, type Workspace, type WorkspaceRole } from "./workspace-operations";

export interface WorkspacesState {
  list: Workspace[];
  loading: boolean;
  error?: string;
}

export const workspaces = createStore<WorkspacesState>({ list: [], loading: false });

let userId: string | null = null;
const storageKey = () => `linkgraph:workspace:${userId}`;

function remember(id: string | null) {
  try {
    if (id) localStorage.setItem(storageKey(), id);
    else localStorage.removeItem(storageKey());
  } catch {
    // Storage refused (private mode): the choice lasts until the page closes.
  }
}

/** Reads your workspaces again; a selection that is no longer among them falls back to your personal workspace. */
export async function reloadWorkspaces(): Promise<Workspace[]> {
  const forUser = userId;
  workspaces.set({ ...workspaces.get(), loading: true, error: undefined });
  try {
    const { viewer } = await request(Workspaces, {});
    if (forUser !== userId) return [];
    const list = viewer?.workspaces.edges.map((edge) => edge.node) ?? [];
    workspaces.set({ list, loading: false });
    const selected = selectedWorkspaceId.get();
    if (selected && !list.some((workspace) => workspace.id === selected)) selectWorkspace(null);
    return list;
  } catch (error) {
    workspaces.set({ ...workspaces.get(), loading: false, error: describeError(error) });
    return workspaces.get().list;
  }
}

/** Acts in another workspace from now on (every page reloads its data for it). */
export function selectWorkspace(id: string | null) {
  const personal = workspaces.get().list.find((workspace) => workspace.personal);
  const next = id && id !== personal?.id ? id : null;
  remember(next);
  selectedWorkspaceId.set(next);
}

session.subscribe(() => {
  const state = session.get();
  const next = state.status === "signedIn" ? state.user.id : null;
  if (next === userId) return;
  userId = next;
  workspaces.set({ list: [], loading: false });
  let stored: string | null = null;
  try {
    stored = next ? localStorage.getItem(storageKey()) : null;
  } catch {
    stored = null;
  }
  selectedWorkspaceId.set(stored);
  if (next) void reloadWorkspaces();
});

accessMayHaveChanged.subscribe(() => {
  if (userId) void reloadWorkspaces();
});

/** The workspace the dashboard acts in and your role there (your personal workspace, OWNER, until the list arrives). */
export function useCurrentWorkspace(): { workspace: Workspace | undefined; role: WorkspaceRole | null; can: (permission: Permission) => boolean } {
  const state = useStore(workspaces);
  const selected = useStore(selectedWorkspaceId);
  const workspace = state.list.find((candidate) => (selected ? candidate.id === selected : candidate.personal));
  const role = workspace?.viewerRole ?? (selected ? null : "OWNER");
  return { workspace, role, can: (permission) => roleCan(role, permission) };
}
