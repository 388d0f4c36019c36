import type { TestProject } from "vitest/node";
import pg from "pg";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

/** Creates one throw-away PostgreSQL database for this run and drops it afterwards. */
export default async function setup(project: TestProject) {
  const adminDatabaseUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `linkgraph_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  project.provide("databaseUrl", url.toString());
  project.provide("adminDatabaseUrl", adminDatabaseUrl);
  return async () => {
    const client = new pg.Client({ connectionString: adminDatabaseUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
}
