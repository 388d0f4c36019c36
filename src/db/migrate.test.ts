import { mkdtemp, mkdir, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../tests/helpers/test-app.js";
import { freshDatabase } from "../../tests/helpers/fresh-database.js";
import { defaultMigrationsDir, migrate, MigrationError } from "./migrate.js";

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrator", () => {
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  it("applies every migration to a fresh database and records it as Prisma does", async () => {
    const { applied } = await migrate(db.url);
    expect(applied.length).toBeGreaterThan(0);
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
      rolled_back_at: Date | null;
    }>(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
    const tables = await query<{ table_name: string }>(db.url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["User", "Link", "_prisma_migrations"]));
  });

  it("does nothing when run again", async () => {
    const before = await query(db.url, `SELECT id FROM "_prisma_migrations"`);
    expect((await migrate(db.url)).applied).toEqual([]);
    expect(await query(db.url, `SELECT id FROM "_prisma_migrations"`)).toEqual(before);
  });
});

describe("migrator under concurrency and failure", () => {
  // One PGlite belongs to one process (its data directory is locked), so only PostgreSQL can see
  // instances race.
  it.skipIf(testDatabase() === "embedded")("applies each migration once when three instances start together", async () => {
    const db = await freshDatabase();
    try {
      const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
      const appliedCounts = results.map((r) => r.applied.length).sort();
      expect(appliedCounts[0]).toBe(0);
      expect(appliedCounts[1]).toBe(0);
      expect(appliedCounts[2]).toBeGreaterThan(0);
      const rows = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
      expect(Number(rows[0]!.n)).toBe(appliedCounts[2]);
    } finally {
      await db.drop();
    }
  });

  it("records a failing migration, stops with a clear message, and refuses to go on", async () => {
    const db = await freshDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), "linkgraph-migrations-"));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      await mkdir(path.join(dir, "29990101000000_broken"));
      await writeFile(
        path.join(dir, "29990101000000_broken", "migration.sql"),
        `CREATE TABLE "Oops" (id int);\nALTER TABLE "Nope" ADD COLUMN x int;`,
      );

      await expect(migrate(db.url, { migrationsDir: dir })).rejects.toThrow(/Migration 29990101000000_broken failed: .*Nope/);
      const [failed] = await query<{ finished_at: Date | null; logs: string }>(
        db.url,
        `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
      );
      expect(failed!.finished_at).toBeNull();
      expect(failed!.logs).toContain("Nope");
      // The failed migration's transaction was rolled back: its first statement left nothing behind.
      expect(await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Oops'`)).toEqual([]);

      const again = migrate(db.url, { migrationsDir: dir });
      await expect(again).rejects.toBeInstanceOf(MigrationError);
      await expect(again).rejects.toThrow(/failed earlier/);
    } finally {
      await db.drop();
    }
  });
});
