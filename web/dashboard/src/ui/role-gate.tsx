import type { ComponentChildren } from "preact";
import { useCurrentWorkspace } from "../api/workspaces";
import { ROLE_LABELS, type Permission } from "../lib/permissions";
import { PageHeader } from "./components";

/** A page only some roles may use: others get a sentence saying who can, instead of a refusal from the server. */
export function RoleGate({ permission, title, who, children }: { permission: Permission; title: string; who: string; children: ComponentChildren }) {
  const { can, role, workspace } = useCurrentWorkspace();
  if (can(permission) || !role) return <>{children}</>;
  return (
    <>
      <PageHeader title={title} />
      <p class="card muted">
        {who} Your role in {workspace?.name ?? "this workspace"} is {ROLE_LABELS[role]}.
      </p>
    </>
  );
}
