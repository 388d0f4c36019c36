import { useEffect, useState } from "preact/hooks";
import { describeError } from "../api/client";
import { DeleteLink, Links, UpdateLink, type DashboardLinkFragment, type LinkFilter } from "../api/operations";
import { request } from "../api/session";
import { useCurrentWorkspace } from "../api/workspaces";
import { formatDateTime, formatNumber } from "../lib/format";
import { linkPath } from "../lib/link-path";
import { Link, navigate } from "../lib/router";
import { useAsync } from "../lib/use-async";
import { useLiveTotals } from "../lib/use-live-totals";
import { ConfirmButton, CopyButton, Empty, ErrorText, Loading, PageHeader, StatusBadge } from "../ui/components";
import { QrDownloads } from "../ui/qr-download";

const PAGE = 25;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Your links: search, tag and archive filters, live totals, and every action on a link. */
export function LinksPage({ allOwners = false }: { allOwners?: boolean }) {
  const params = new URLSearchParams(location.search);
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [tags, setTags] = useState(params.get("tags") ?? "");
  const [archived, setArchived] = useState(params.get("archived") === "1");
  const query = useDebounced(search.trim(), 250);
  const tagList = useDebounced(tags, 250)
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
  const filter: LinkFilter = { search: query || undefined, tags: tagList.length ? tagList : undefined, archived, allOwners: allOwners || undefined };
  const [links, setLinks] = useState<DashboardLinkFragment[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string>();
  const filterKey = JSON.stringify(filter);
  // Viewers read links; creating, editing and deleting take links.write (instance admins may change any link).
  const canWrite = useCurrentWorkspace().can("links.write") || allOwners;

  const page = useAsync(async () => {
    const { links } = await request(Links, { first: PAGE, filter });
    setLinks(links!.edges.map((edge) => edge.node));
    setNext(links!.pageInfo.hasNextPage ? (links!.pageInfo.endCursor ?? null) : null);
    return true;
  }, [filterKey]);

  // Keep the filters in the address, so a reload or a shared URL shows the same list.
  useEffect(() => {
    const url = new URL(location.href);
    for (const [key, value] of [
      ["q", query],
      ["tags", tagList.join(",")],
      ["archived", archived ? "1" : ""],
    ] as const) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    history.replaceState(history.state, "", url);
  }, [filterKey]);

  const loadMore = async () => {
    try {
      const { links: more } = await request(Links, { first: PAGE, after: next, filter });
      setLinks((current) => [...current, ...more!.edges.map((edge) => edge.node)]);
      setNext(more!.pageInfo.hasNextPage ? (more!.pageInfo.endCursor ?? null) : null);
    } catch (error) {
      setActionError(describeError(error));
    }
  };

  const live = useLiveTotals(links.slice(0, 100).map((link) => link.id));
  const total = (link: DashboardLinkFragment) => live.totals[link.id] ?? link.clickCount;
  const shownTotal = links.reduce((sum, link) => sum + total(link), 0);

  const setArchivedFlag = async (link: DashboardLinkFragment, value: boolean) => {
    await request(UpdateLink, { input: { id: link.id, archived: value } });
    setLinks((current) => current.filter((other) => other.id !== link.id));
  };
  const remove = async (link: DashboardLinkFragment) => {
    try {
      await request(DeleteLink, { input: { id: link.id } });
    } catch (error) {
      throw new Error(describeError(error));
    }
    setLinks((current) => current.filter((other) => other.id !== link.id));
  };

  return (
    <>
      <PageHeader title={allOwners ? "All links on this instance" : "Links"}>
        {canWrite && !allOwners ? (
          <button type="button" onClick={() => navigate("/links/new")}>
            New link
          </button>
        ) : null}
      </PageHeader>
      <form class="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search
          <input type="search" value={search} onInput={(event) => setSearch(event.currentTarget.value)} placeholder="Slug, destination or title" />
        </label>
        <label>
          Tags
          <input type="text" value={tags} onInput={(event) => setTags(event.currentTarget.value)} placeholder="e.g. launch, spring" />
        </label>
        <label>
          Show
          <select value={archived ? "archived" : "live"} onChange={(event) => setArchived(event.currentTarget.value === "archived")}>
            <option value="live">Live links</option>
            <option value="archived">Archived links</option>
          </select>
        </label>
      </form>
      <p class="summary" aria-live="polite">
        {links.length} link{links.length === 1 ? "" : "s"} shown{next ? " (more below)" : ""} ·{" "}
        <strong data-testid="shown-total">{formatNumber(shownTotal)}</strong> clicks in total
      </p>
      <ErrorText error={page.error ?? actionError ?? live.error} />
      {page.loading && links.length === 0 ? (
        <Loading what="Loading links…" />
      ) : links.length === 0 && !page.error ? (
        <Empty>
          {query || tagList.length || archived ? (
            <p>No links match these filters.</p>
          ) : (
            <>
              <p>No links yet.</p>
              {canWrite ? (
                <button type="button" onClick={() => navigate("/links/new")}>
                  Create your first link
                </button>
              ) : null}
            </>
          )}
        </Empty>
      ) : (
        <div class="table-wrap">
          <table class="links responsive">
            <thead>
              <tr>
                <th scope="col">Short link</th>
                <th scope="col">Destination</th>
                <th scope="col">Tags</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">
                  Clicks
                </th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.id} data-slug={link.slug}>
                  <td data-label="Short link">
                    <Link href={linkPath(link)} class="slug">
                      {link.shortUrl.replace(/^https?:\/\//, "")}
                    </Link>
                    {link.title ? <div class="muted small">{link.title}</div> : null}
                    {allOwners ? <div class="muted small">{link.owner.email}</div> : null}
                  </td>
                  <td data-label="Destination" class="destination">
                    <span title={link.url}>{link.url}</span>
                  </td>
                  <td data-label="Tags">
                    {link.tags.map((tag) => (
                      <button type="button" class="tag" key={tag} onClick={() => setTags(tag)} aria-label={`Show links tagged ${tag}`}>
                        {tag}
                      </button>
                    ))}
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={link.status} />
                    {link.expiresAt ? <div class="muted small">until {formatDateTime(link.expiresAt)}</div> : null}
                  </td>
                  <td data-label="Clicks" class="num count" data-count={total(link)}>
                    {formatNumber(total(link))}
                    {link.maxClicks ? <span class="muted small"> / {formatNumber(link.maxClicks)}</span> : null}
                  </td>
                  <td class="row-actions">
                    <CopyButton text={link.shortUrl} label="Copy" />
                    <QrDownloads link={link} />
                    {canWrite ? (
                      <>
                        <button type="button" class="secondary small" onClick={() => navigate(linkPath(link, "/edit"))}>
                          Edit
                        </button>
                        {link.archivedAt ? (
                          <button
                            type="button"
                            class="secondary small"
                            onClick={() => void setArchivedFlag(link, false).catch((e) => setActionError(describeError(e)))}
                          >
                            Restore
                          </button>
                        ) : (
                          <ConfirmButton
                            label="Archive"
                            title={`Archive ${link.slug}?`}
                            message={<p>Visitors will get “gone” (or the fallback URL). You can restore it from the archived links.</p>}
                            confirmLabel="Archive"
                            onConfirm={() => setArchivedFlag(link, true).catch((e) => Promise.reject(new Error(describeError(e))))}
                          />
                        )}
                        <ConfirmButton
                          label="Delete"
                          danger
                          title={`Delete ${link.slug}?`}
                          message={<p>The link and all of its click history are deleted for good. The short URL stops working.</p>}
                          confirmLabel="Delete for good"
                          onConfirm={() => remove(link)}
                        />
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <button type="button" class="secondary" onClick={() => void loadMore()}>
          Load more
        </button>
      ) : null}
    </>
  );
}
