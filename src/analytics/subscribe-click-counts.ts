import { encodeGlobalId, idOf } from "../graphql/global-id.js";
import type { Viewer } from "../identity/viewer.js";
import { visibleLinks } from "../links/visibility.js";
import { badInput, notFound } from "../platform/errors.js";
import type { Services } from "../services.js";
import type { ClickCountUpdate } from "./live-counts.js";

export const MAX_LIVE_LINKS = 100;

/**
 * Live totals of some links the viewer may see: their current stored totals first, then each new
 * total as batches are written anywhere (coalesced per link). Links are authorized here, once.
 */
export async function subscribeToClickCounts(
  services: Pick<Services, "db" | "liveCounts">,
  viewer: Viewer,
  linkGlobalIds: readonly string[],
): Promise<AsyncIterableIterator<ClickCountUpdate>> {
  if (linkGlobalIds.length === 0 || linkGlobalIds.length > MAX_LIVE_LINKS) {
    throw badInput("linkIds", `linkIds must name between 1 and ${MAX_LIVE_LINKS} links`);
  }
  const ids = [...new Set(linkGlobalIds.map((id) => idOf("Link", id, "linkIds")))];
  const visible = await currentTotals(services, viewer, ids);
  if (visible.length !== ids.length) throw notFound("Link");
  const updates = services.liveCounts.subscribe(ids, () => currentTotals(services, viewer, ids));
  return mapIterator(updates, (update) => ({ linkId: encodeGlobalId("Link", update.linkId), total: update.total }));
}

function currentTotals(services: Pick<Services, "db">, viewer: Viewer, ids: string[]) {
  return services.db.link
    .findMany({ where: { id: { in: ids }, ...visibleLinks(viewer) }, select: { id: true, clickCount: true } })
    .then((links) => links.map((link) => ({ linkId: link.id, total: link.clickCount })));
}

function mapIterator<T, U>(source: AsyncIterableIterator<T>, map: (value: T) => U): AsyncIterableIterator<U> {
  return {
    async next() {
      const result = await source.next();
      return result.done ? result : { value: map(result.value), done: false };
    },
    return: async () => {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
