import { z } from "zod";
import { badInput } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** What a client sends to page through a list (GraphQL connection arguments, REST query parameters). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A row's place in the keyset order: newest first, ties broken by id. */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Prisma-shaped pieces of one page's query: add `where` to your own filters, pass orderBy and take as they are. */
export interface PageQuery {
  where: { AND: Array<Record<string, unknown>> };
  orderBy: Array<Record<string, "asc" | "desc">>;
  take: number;
}

const pageSize = () =>
  z.number().int(`must be an integer`).min(0, "must not be negative").max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).nullish();

/** Input schema of page arguments: sizes above MAX_PAGE_SIZE are BAD_USER_INPUT, never silently truncated. */
export const pageArgsSchema = z.object({
  first: pageSize(),
  after: z.string().max(200).nullish(),
  last: pageSize(),
  before: z.string().max(200).nullish(),
});

// Opaque to clients: base64url of "<createdAt ISO>|<id>".
export const encodeCursor = (row: KeysetPosition) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

export function decodeCursor(cursor: string | null | undefined, field: string): KeysetPosition | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw badInput(field, `${field} is not a valid cursor`);
  return { createdAt, id };
}

/**
 * THE pagination helper: a stable keyset page, newest first, over (createdAt, id), so rows added
 * while a client pages never shift the pages it has not read. `first`/`after` reads forwards,
 * `last`/`before` backwards. `fetch` runs the query with the pieces given (one statement).
 */
export async function paginate<T extends { createdAt: Date }>(
  args: PageArgs,
  fetch: (query: PageQuery) => Promise<T[]>,
  /** The unique column that breaks createdAt ties (e.g. userId for memberships). */
  { tieBreaker = "id" }: { tieBreaker?: string } = {},
): Promise<Page<T>> {
  const positionOf = (row: T): KeysetPosition => ({ createdAt: row.createdAt, id: String((row as Record<string, unknown>)[tieBreaker]) });
  const { first, last } = args;
  for (const [field, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value === null || value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) throw badInput(field, `${field} must be a non-negative integer`);
    if (value > MAX_PAGE_SIZE) throw badInput(field, `${field} must be at most ${MAX_PAGE_SIZE}`);
  }
  if (first != null && last != null) throw badInput("last", "Send first or last, not both");
  const after = decodeCursor(args.after, "after");
  const before = decodeCursor(args.before, "before");
  const backwards = last != null && first == null;
  const size = (backwards ? last : first) ?? DEFAULT_PAGE_SIZE;

  const bounds: Array<Record<string, unknown>> = [];
  if (after) bounds.push(beyond(after, "older", tieBreaker));
  if (before) bounds.push(beyond(before, "newer", tieBreaker));
  const direction = backwards ? "asc" : "desc";
  const rows =
    size === 0
      ? []
      : await fetch({
          where: { AND: bounds },
          orderBy: [{ createdAt: direction }, { [tieBreaker]: direction }],
          take: size + 1,
        });
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: backwards ? before !== undefined : more,
      hasPreviousPage: backwards ? more : after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function beyond({ createdAt, id }: KeysetPosition, side: "older" | "newer", tieBreaker: string): Record<string, unknown> {
  const op = side === "older" ? "lt" : "gt";
  return { OR: [{ createdAt: { [op]: createdAt } }, { createdAt, [tieBreaker]: { [op]: id } }] };
}
