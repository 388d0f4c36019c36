import { useEffect } from "preact/hooks";
import { session } from "./api/session";
import { lazyPage } from "./lib/lazy";
import { match, navigate, useRoute } from "./lib/router";
import { useStore } from "./lib/store";
import { selectedWorkspaceId } from "./api/workspace-selection";
import { AccountPage } from "./pages/account";
import { ApiKeysPage } from "./pages/api-keys";
import { DomainsPage } from "./pages/domains";
import { LinksPage } from "./pages/links";
import { Shell } from "./pages/shell";
import { SignInPage } from "./pages/sign-in";
import { WebhookDetailPage } from "./pages/webhook-detail";
import { WebhooksPage } from "./pages/webhooks";
import { PageHeader } from "./ui/components";
import { RoleGate } from "./ui/role-gate";

// Charts (uPlot) load with the pages that show them.
// The editor (rules, A/B variants…) is loaded when first opened, like the chart pages.
const LinkFormPage = lazyPage(() => import("./pages/link-form").then((m) => m.LinkFormPage));
const LinkAnalyticsPage = lazyPage(() => import("./pages/link-analytics").then((m) => m.LinkAnalyticsPage));
const AnalyticsPage = lazyPage(() => import("./pages/analytics").then((m) => m.AnalyticsPage));
const InstancePage = lazyPage(() => import("./pages/instance").then((m) => m.InstancePage));
// Pages most visits never open stay out of the first load too.
const WorkspacePage = lazyPage(() => import("./pages/workspace").then((m) => m.WorkspacePage));
const InvitationPage = lazyPage(() => import("./pages/invitation").then((m) => m.InvitationPage));

export function App() {
  const state = useStore(session);
  const workspaceId = useStore(selectedWorkspaceId);
  if (state.status === "loading") {
    return (
      <p class="boot" role="status">
        Loading Linkgraph…
      </p>
    );
  }
  if (state.status === "signedOut") return <SignInPage notice={state.notice} />;
  return (
    <Shell user={state.user}>
      {/* Another workspace: every page starts over with its data. */}
      <Routes key={workspaceId ?? "personal"} admin={state.user.role === "ADMIN"} />
    </Shell>
  );
}

function Routes({ admin }: { admin: boolean }) {
  const path = useRoute();
  useEffect(() => {
    if (path === "/") navigate("/links", { replace: true });
  }, [path]);
  let params: Record<string, string> | null;
  if (path === "/" || path === "/links") return <LinksPage />;
  if (path === "/links/new") return <LinkFormPage key="new" />;
  if ((params = match("/links/:slug/edit", path) ?? match("/on/:domain/links/:slug/edit", path)))
    return <LinkFormPage key={path} slug={params.slug} domain={params.domain} />;
  if ((params = match("/links/:slug", path) ?? match("/on/:domain/links/:slug", path)))
    return <LinkAnalyticsPage key={path} slug={params.slug!} domain={params.domain} />;
  if (path === "/analytics") return <AnalyticsPage />;
  if (path === "/webhooks") return <WebhooksPage />;
  if ((params = match("/webhooks/:id", path))) return <WebhookDetailPage key={params.id} id={params.id!} />;
  if (path === "/api-keys") {
    return (
      <RoleGate permission="apiKeys.manage" title="API keys" who="Owners and admins manage this workspace's API keys.">
        <ApiKeysPage />
      </RoleGate>
    );
  }
  if (path === "/domains") return <DomainsPage />;
  if (path === "/account") return <AccountPage />;
  if (path === "/workspace") return <WorkspacePage />;
  if ((params = match("/invitations/:token", path))) return <InvitationPage key={params.token} token={params.token!} />;
  if (path === "/admin" && admin) return <InstancePage />;
  if (path === "/admin/links" && admin) return <LinksPage key="admin" allOwners />;
  return (
    <>
      <PageHeader title="Not found" />
      <p>There is no page here.</p>
    </>
  );
}
