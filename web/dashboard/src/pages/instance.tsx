import { useEffect, useState } from "preact/hooks";
import { request } from "../api/session";
import { InstanceOverview } from "../api/workspace-operations";
import { formatNumber } from "../lib/format";
import { Link } from "../lib/router";
import { useAsync } from "../lib/use-async";
import { useLiveTotals } from "../lib/use-live-totals";
import { Empty, ErrorText, Loading, PageHeader } from "../ui/components";

const TOP = 10;
const REFRESH_MS = 5_000;

/**
 * Instance administrators: accounts, workspaces, links and clicks across every workspace, and the
 * most clicked links. The top links' totals are live; the clicks total moves with them and the
 * whole overview is read again every 5 seconds (new accounts, other links' clicks).
 */
export function InstancePage() {
  const [tick, setTick] = useState(0);
  const overview = useAsync(() => request(InstanceOverview, { first: TOP }).then((data) => data.instanceOverview), [tick]);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const data = overview.data;
  const live = useLiveTotals(data?.topLinks.map((link) => link.id) ?? []);
  const total = (link: { id: string; clickCount: number }) => Math.max(live.totals[link.id] ?? link.clickCount, link.clickCount);
  const topLinks = [...(data?.topLinks ?? [])].sort((a, b) => total(b) - total(a));
  const clicks = data ? data.clicks + topLinks.reduce((sum, link) => sum + total(link) - link.clickCount, 0) : 0;
  const stats: Array<[string, number, string]> = data
    ? [
        ["Accounts", data.users, "users"],
        ["Workspaces", data.workspaces, "workspaces"],
        ["Links", data.links, "links"],
        ["Clicks, all time", clicks, "clicks"],
      ]
    : [];

  return (
    <>
      <PageHeader title="Instance">
        <Link href="/admin/links" class="button secondary">
          Every link
        </Link>
      </PageHeader>
      <ErrorText error={overview.error ?? live.error} />
      {overview.loading && !data ? (
        <Loading what="Loading the overview…" />
      ) : data ? (
        <>
          <div class="stats">
            {stats.map(([label, value, key]) => (
              <div class="stat" key={key}>
                <span class="stat-label">{label}</span>
                <span class="stat-value" data-testid={`instance-${key}`}>
                  {formatNumber(value)}
                </span>
              </div>
            ))}
          </div>
          <section aria-labelledby="top-links-title">
            <h2 id="top-links-title">Most clicked links</h2>
            {topLinks.length === 0 ? (
              <Empty>
                <p>No link has been clicked yet.</p>
              </Empty>
            ) : (
              <div class="table-wrap">
                <table class="responsive">
                  <thead>
                    <tr>
                      <th scope="col">Short link</th>
                      <th scope="col">Workspace</th>
                      <th scope="col">Created by</th>
                      <th scope="col" class="num">
                        Clicks
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {topLinks.map((link) => (
                      <tr key={link.id} data-slug={link.slug}>
                        <td data-label="Short link" class="break">
                          <span class="slug">{link.shortUrl.replace(/^https?:\/\//, "")}</span>
                          {link.title ? <div class="muted small">{link.title}</div> : null}
                        </td>
                        <td data-label="Workspace">{link.workspace.name}</td>
                        <td data-label="Created by" class="break">
                          {link.owner.email}
                        </td>
                        <td data-label="Clicks" class="num count" data-count={total(link)}>
                          {formatNumber(total(link))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
