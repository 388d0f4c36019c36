// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits.
import { loadConfig } from "../config.js";
import { openDatabase } from "./database.js";
import { migrate } from "./migrate.js";

const config = loadConfig();
const database = await openDatabase(config);
try {
  const { applied } = await migrate(database.connectionString, { log: (line) => console.log(line) });
  console.log(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
