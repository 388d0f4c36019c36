import { z } from "zod";
import { badInput } from "../platform/errors.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from "../platform/pagination.js";

/** Shapes shared by every resource of the REST API (responses; request bodies come from the use cases). */

export const dateTime = z.iso.datetime().meta({ example: "2026-12-01T09:30:00.000Z" });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({
      description: "The same values as GraphQL's extensions.code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT, RATE_LIMITED, …",
    }),
    field: z.string().optional().meta({ description: "The offending input (body field, query parameter or header) of a 422." }),
    retryAfter: z.number().int().optional(),
    requestId: z.string().optional(),
  })
  .catchall(z.unknown())
  .meta({
    id: "Problem",
    description: "RFC 9457 problem details: every error of the REST API.",
    example: {
      type: "about:blank",
      title: "Unprocessable Entity",
      status: 422,
      detail: "url: must be an http(s) URL",
      code: "BAD_USER_INPUT",
      field: "url",
    },
  });

/** `first` (1–100, default 20) and `after` (a `next` cursor): the REST spelling of GraphQL's connection arguments. */
export const pageQuery = z.object({
  first: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_PAGE_SIZE)
    .optional()
    .meta({ description: `Page size (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` }),
  after: z.string().max(200).optional().meta({ description: "The `next` cursor of the previous page." }),
});

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      data: z.array(item),
      next: z.string().nullable().meta({ description: "Cursor of the next page (also in the Link header), null on the last page." }),
    })
    .meta({ id });

export function pageBody<T, R>(page: Page<T>, map: (node: T) => R) {
  return { data: page.edges.map((edge) => map(edge.node)), next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
}

export const idParam = (description: string) => z.object({ id: z.string().meta({ description }) });

export const queryBoolean = z.enum(["true", "false"]).transform((value) => value === "true");

/** JSON has no dates: named fields of a body arrive as ISO 8601 strings and reach the use case as Dates. */
export function withDates(body: unknown, fields: readonly string[]): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...body };
  for (const field of fields) {
    const value = copy[field];
    if (value === undefined || value === null) continue;
    const date = typeof value === "string" && dateTime.safeParse(value).success ? new Date(value) : undefined;
    if (!date) throw badInput(field, `${field}: must be an ISO 8601 date-time (e.g. 2026-12-31T23:59:59Z)`);
    copy[field] = date;
  }
  return copy;
}

export const iso = (date: Date | null) => (date ? date.toISOString() : null);
