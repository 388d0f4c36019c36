import type { ComponentChildren } from "preact";
import { liveState } from "../api/live";
import { signOut, type User } from "../api/session";
import { Link, useRoute } from "../lib/router";
import { useStore } from "../lib/store";
import { WorkspaceSwitcher } from "../ui/workspace-switcher";

const LIVE_TEXT = { off: "Live updates off", connecting: "Connecting…", live: "Live" } as const;

/** The signed-in frame: navigation, live status, who is signed in. */
export function Shell({ user, children }: { user: User; children: ComponentChildren }) {
  const path = useRoute();
  const live = useStore(liveState);
  const nav: Array<[string, string]> = [
    ["/links", "Links"],
    ["/analytics", "Analytics"],
    ["/webhooks", "Webhooks"],
    ["/domains", "Domains"],
    ["/api-keys", "API keys"],
    ["/workspace", "Workspace"],
    ["/account", "Account"],
    ...(user.role === "ADMIN" ? ([["/admin", "Instance"]] as Array<[string, string]>) : []),
  ];
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link href="/links" class="brand">
          Linkgraph
        </Link>
        <WorkspaceSwitcher />
        <nav aria-label="Main">
          <ul>
            {nav.map(([href, label]) => (
              <li key={href}>
                <Link href={href} aria-current={path === href || path.startsWith(`${href}/`) ? "page" : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span class="live" data-state={live} role="status" id="live-status" hidden={live === "off"}>
            {LIVE_TEXT[live]}
          </span>
          <span class="email" title={user.email}>
            {user.email}
          </span>
          <button type="button" class="secondary small" onClick={() => void signOut().catch(() => {})}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
