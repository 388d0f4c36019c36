import { selectWorkspace, useCurrentWorkspace, workspaces } from "../api/workspaces";
import { ROLE_LABELS } from "../lib/permissions";
import { navigate, route } from "../lib/router";
import { useStore } from "../lib/store";

/** Chooses the workspace every page acts in (X-Workspace-Id); a page about one object goes back to its list. */
export function WorkspaceSwitcher() {
  const state = useStore(workspaces);
  const { workspace } = useCurrentWorkspace();
  if (state.list.length === 0) return null;
  const choose = (id: string) => {
    selectWorkspace(id);
    const path = route.get();
    const list = path.match(/^\/(links|webhooks)\/.+/);
    if (list) navigate(`/${list[1]}`);
  };
  return (
    <div class="switcher">
      <select aria-label="Workspace" value={workspace?.id ?? ""} onChange={(event) => choose(event.currentTarget.value)}>
        {state.list.map((candidate) => (
          <option value={candidate.id} key={candidate.id}>
            {candidate.name}
            {candidate.personal && candidate.name !== "Personal" ? " (personal)" : ""} · {ROLE_LABELS[candidate.viewerRole]}
          </option>
        ))}
      </select>
    </div>
  );
}
