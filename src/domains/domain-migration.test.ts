import { cp, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/helpers/fresh-database.js";
import { defaultMigrationsDir, migrate } from "../db/migrate.js";
import { DEFAULT_DOMAIN_ID } from "./default-domain.js";

const DOMAINS_MIGRATION = "20261202164500_custom_domains";

/** The custom-domains migration on a database with links and clicks: every link lands on the default domain, nothing lost. */
describe("custom domains migration on a database with data", () => {
  let db: { url: string; drop(): Promise<void> };
  let client: pg.Client;

  beforeAll(async () => {
    db = await freshDatabase();
    const before = await mkdtemp(path.join(tmpdir(), "lg-migrations-"));
    for (const name of (await readdir(defaultMigrationsDir)).sort()) {
      if (name >= DOMAINS_MIGRATION) break;
      await cp(path.join(defaultMigrationsDir, name), path.join(before, name), { recursive: true });
    }
    await migrate(db.url, { migrationsDir: before });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`
      INSERT INTO "User" (id, email, "updatedAt") VALUES ('00000000-0000-7000-8000-000000000001', 'ada@example.com', now());
      INSERT INTO "Workspace" (id, name, "personalOwnerId", "updatedAt") VALUES
        ('00000000-0000-7000-8000-0000000000a0', 'Personal', '00000000-0000-7000-8000-000000000001', now());
      INSERT INTO "Link" (id, "workspaceId", "ownerId", slug, url, "clickCount", "updatedAt") VALUES
        ('00000000-0000-7000-8000-00000000000a', '00000000-0000-7000-8000-0000000000a0', '00000000-0000-7000-8000-000000000001', 'ada1', 'https://example.com/1', 3, now()),
        ('00000000-0000-7000-8000-00000000000b', '00000000-0000-7000-8000-0000000000a0', '00000000-0000-7000-8000-000000000001', 'Ada1', 'https://example.com/2', 0, now());
      INSERT INTO "Click" (id, "linkId", at, count) VALUES ('00000000-0000-7000-8000-0000000000c1', '00000000-0000-7000-8000-00000000000a', now(), 3);
    `);
    await migrate(db.url);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const rows = async (sql: string) => (await client.query(sql)).rows;

  it("creates the default domain and puts every existing link on it", async () => {
    expect(await rows(`SELECT id, "isDefault", status, "workspaceId" FROM "Domain"`)).toEqual([
      { id: DEFAULT_DOMAIN_ID, isDefault: true, status: "VERIFIED", workspaceId: null },
    ]);
    expect(await rows(`SELECT slug, "domainId", "clickCount" FROM "Link" ORDER BY slug`)).toEqual([
      { slug: "Ada1", domainId: DEFAULT_DOMAIN_ID, clickCount: 0 },
      { slug: "ada1", domainId: DEFAULT_DOMAIN_ID, clickCount: 3 },
    ]);
    expect(await rows(`SELECT count(*)::int AS n, sum(count)::int AS clicks, count(source)::int AS sourced FROM "Click"`)).toEqual([
      { n: 1, clicks: 3, sourced: 0 },
    ]);
  });

  it("keeps slugs unique per domain, and lets another domain reuse one", async () => {
    await expect(
      client.query(
        `INSERT INTO "Link" (id, "workspaceId", "ownerId", slug, url, "updatedAt") VALUES (gen_random_uuid(), '00000000-0000-7000-8000-0000000000a0', '00000000-0000-7000-8000-000000000001', 'ada1', 'https://example.com', now())`,
      ),
    ).rejects.toThrow(/Link_domainId_slug_key/);
    await client.query(
      `INSERT INTO "Domain" (id, "workspaceId", hostname, "verificationToken", "updatedAt") VALUES ('00000000-0000-7000-8000-0000000000d1', '00000000-0000-7000-8000-0000000000a0', 'go.example.com', 't', now())`,
    );
    await client.query(
      `INSERT INTO "Link" (id, "workspaceId", "ownerId", "domainId", slug, url, "updatedAt") VALUES (gen_random_uuid(), '00000000-0000-7000-8000-0000000000a0', '00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-0000000000d1', 'ada1', 'https://example.com', now())`,
    );
    expect(await rows(`SELECT count(*)::int AS n FROM "Link" WHERE slug = 'ada1'`)).toEqual([{ n: 2 }]);
  });

  it("deletes a workspace with its domains and their links in one statement", async () => {
    await client.query(`DELETE FROM "Workspace" WHERE id = '00000000-0000-7000-8000-0000000000a0'`);
    expect(await rows(`SELECT count(*)::int AS n FROM "Domain" WHERE NOT "isDefault"`)).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM "Link"`)).toEqual([{ n: 0 }]);
  });
});
