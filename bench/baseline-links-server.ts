// The links page's second baseline: a bare node:http handler that runs the page's SQL with `pg`
// (the links with their owners, then the 24 hourly buckets of their rollups) and answers the
// same JSON as the GraphQL links page — no GraphQL, no authentication, no ORM. The upper bound
// the GraphQL page is measured against (bench/graphql-links.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { toPublicId } from "../src/platform/public-id.js";

const HOUR_MS = 3_600_000;

export async function startBaselineLinksServer(databaseUrl: string, workspaceId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk));
    request.on("end", () => {
      answer(JSON.parse(body) as { variables: { from: string; to: string } }).then(
        (json) => response.writeHead(200, { "content-type": "application/json" }).end(json),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
  });

  async function answer({ variables }: { variables: { from: string; to: string } }) {
    const links = await pool.query<{ id: string; slug: string; url: string; clickCount: number; createdAt: Date; ownerId: string; email: string }>(
      `SELECT l.id, l.slug, l.url, l."clickCount", l."createdAt", u.id AS "ownerId", u.email
       FROM "Link" l JOIN "User" u ON u.id = l."ownerId"
       WHERE l."workspaceId" = $1 ORDER BY l."createdAt" DESC, l.id DESC LIMIT 51`,
      [workspaceId],
    );
    const page = links.rows.slice(0, 50);
    const from = Date.parse(variables.from);
    const to = Date.parse(variables.to);
    const rollups = await pool.query<{ linkId: string; hour: Date; clicks: number }>(
      `SELECT "linkId", hour, clicks FROM "ClickRollup" WHERE "linkId" = ANY($1::uuid[]) AND hour >= $2 AND hour < $3`,
      [page.map((link) => link.id), new Date(from), new Date(to)],
    );
    const byLink = new Map<string, Map<number, number>>();
    for (const row of rollups.rows) {
      if (!byLink.has(row.linkId)) byLink.set(row.linkId, new Map());
      byLink.get(row.linkId)!.set(row.hour.getTime(), row.clicks);
    }
    const edges = page.map((link) => {
      const hours = byLink.get(link.id);
      const clickSeries = [];
      for (let start = from; start < to; start += HOUR_MS) clickSeries.push({ start: new Date(start).toISOString(), clicks: hours?.get(start) ?? 0 });
      return {
        node: {
          id: toPublicId("Link", link.id),
          slug: link.slug,
          url: link.url,
          clickCount: link.clickCount,
          owner: { id: toPublicId("User", link.ownerId), email: link.email },
          clickSeries,
        },
      };
    });
    const last = page.at(-1);
    const endCursor = last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url") : null;
    return JSON.stringify({ data: { links: { edges, pageInfo: { hasNextPage: links.rows.length > 50, endCursor } } } });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
