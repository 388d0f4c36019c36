import pg from "pg";
import { inject } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../src/db/embedded.js";
import { testDatabase } from "./test-app.js";

/** A database nobody has migrated: a new PostgreSQL database, or a new in-memory PGlite. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (testDatabase() === "embedded") {
    const embedded: EmbeddedDatabase = await startEmbeddedDatabase("memory://");
    return { url: embedded.connectionString, drop: embedded.stop };
  }
  const admin = inject("adminDatabaseUrl");
  const name = `linkgraph_migrate_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
