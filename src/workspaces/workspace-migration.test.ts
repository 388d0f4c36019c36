import { cp, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/helpers/fresh-database.js";
import { defaultMigrationsDir, migrate } from "../db/migrate.js";

const WORKSPACES_MIGRATION = "20261202121731_workspaces";

/**
 * The workspaces migration on a database that already holds data: every user gets a personal
 * workspace they own, and every link, webhook (with its deliveries), API key, click and rollup
 * moves into its owner's workspace, nothing lost.
 */
describe("workspaces migration on a database with data", () => {
  let db: { url: string; drop(): Promise<void> };
  let client: pg.Client;

  beforeAll(async () => {
    db = await freshDatabase();
    const before = await mkdtemp(path.join(tmpdir(), "lg-migrations-"));
    for (const name of (await readdir(defaultMigrationsDir)).sort()) {
      if (name >= WORKSPACES_MIGRATION) break;
      await cp(path.join(defaultMigrationsDir, name), path.join(before, name), { recursive: true });
    }
    await migrate(db.url, { migrationsDir: before });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`
      INSERT INTO "User" (id, email, "updatedAt") VALUES
        ('00000000-0000-7000-8000-000000000001', 'ada@example.com', now()),
        ('00000000-0000-7000-8000-000000000002', 'bob@example.com', now()),
        ('00000000-0000-7000-8000-000000000003', 'idle@example.com', now());
      INSERT INTO "Link" (id, "ownerId", slug, url, "clickCount", "updatedAt") VALUES
        ('00000000-0000-7000-8000-00000000000a', '00000000-0000-7000-8000-000000000001', 'ada1', 'https://example.com/1', 3, now()),
        ('00000000-0000-7000-8000-00000000000b', '00000000-0000-7000-8000-000000000001', 'ada2', 'https://example.com/2', 0, now()),
        ('00000000-0000-7000-8000-00000000000c', '00000000-0000-7000-8000-000000000002', 'bob1', 'https://example.com/3', 1, now());
      INSERT INTO "ClickRollup" ("linkId", hour, clicks) VALUES
        ('00000000-0000-7000-8000-00000000000a', date_trunc('hour', now()), 3),
        ('00000000-0000-7000-8000-00000000000c', date_trunc('hour', now()), 1);
      INSERT INTO "Click" (id, "linkId", at, count) VALUES
        ('00000000-0000-7000-8000-0000000000c1', '00000000-0000-7000-8000-00000000000a', now(), 3),
        ('00000000-0000-7000-8000-0000000000c2', '00000000-0000-7000-8000-00000000000c', now(), 1);
      INSERT INTO "Webhook" (id, "ownerId", url, events, secret, "updatedAt") VALUES
        ('00000000-0000-7000-8000-0000000000d1', '00000000-0000-7000-8000-000000000002', 'https://hooks.example.com', '{LINK_CREATED}', 'whsec_x', now());
      INSERT INTO "WebhookDelivery" (id, "webhookId", "eventId", "eventType", body) VALUES
        ('00000000-0000-7000-8000-0000000000e1', '00000000-0000-7000-8000-0000000000d1', 'msg_1', 'link.created', '{}');
      INSERT INTO "ApiKey" (id, "userId", name, prefix, "secretHash", scopes) VALUES
        ('00000000-0000-7000-8000-0000000000f1', '00000000-0000-7000-8000-000000000001', 'ci', 'lgk_AAAAAAAA', 'x', '{LINKS_READ}');
    `);
    await migrate(db.url);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const rows = async (sql: string) => (await client.query(sql)).rows;

  it("gives every user one personal workspace, as its only OWNER", async () => {
    expect(
      await rows(`SELECT u.email, w.name, m.role FROM "User" u JOIN "Workspace" w ON w."personalOwnerId" = u.id
                  JOIN "Membership" m ON m."workspaceId" = w.id ORDER BY u.email`),
    ).toEqual([
      { email: "ada@example.com", name: "Personal", role: "OWNER" },
      { email: "bob@example.com", name: "Personal", role: "OWNER" },
      { email: "idle@example.com", name: "Personal", role: "OWNER" },
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM "Membership"`)).toEqual([{ n: 3 }]);
  });

  it("moves every link, rollup, webhook and API key into its owner's personal workspace", async () => {
    const misplaced = await rows(`
      SELECT 'link' AS what, l.id FROM "Link" l JOIN "Workspace" w ON w.id = l."workspaceId" WHERE w."personalOwnerId" <> l."ownerId"
      UNION ALL SELECT 'webhook', h.id FROM "Webhook" h JOIN "Workspace" w ON w.id = h."workspaceId" WHERE w."personalOwnerId" <> h."ownerId"
      UNION ALL SELECT 'key', k.id FROM "ApiKey" k JOIN "Workspace" w ON w.id = k."workspaceId" WHERE w."personalOwnerId" <> k."userId"
      UNION ALL SELECT 'rollup', r."linkId" FROM "ClickRollup" r JOIN "Link" l ON l.id = r."linkId" WHERE r."workspaceId" <> l."workspaceId"`);
    expect(misplaced).toEqual([]);
    expect(await rows(`SELECT slug, "clickCount" FROM "Link" ORDER BY slug`)).toEqual([
      { slug: "ada1", clickCount: 3 },
      { slug: "ada2", clickCount: 0 },
      { slug: "bob1", clickCount: 1 },
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM "Link" WHERE "workspaceId" IS NULL`)).toEqual([{ n: 0 }]);
  });

  it("loses nothing: clicks, rollups, deliveries and keys are all still there", async () => {
    expect(
      await rows(`SELECT (SELECT count(*)::int FROM "Click") AS clicks, (SELECT sum(clicks)::int FROM "ClickRollup") AS rolled,
                         (SELECT count(*)::int FROM "WebhookDelivery") AS deliveries, (SELECT count(*)::int FROM "ApiKey") AS keys`),
    ).toEqual([{ clicks: 2, rolled: 4, deliveries: 1, keys: 1 }]);
  });

  it("leaves workspaceId required from now on", async () => {
    await expect(
      client.query(
        `INSERT INTO "Link" (id, "ownerId", slug, url, "updatedAt") VALUES (gen_random_uuid(), '00000000-0000-7000-8000-000000000001', 'orphan', 'https://example.com', now())`,
      ),
    ).rejects.toThrow(/workspaceId/);
  });
});
