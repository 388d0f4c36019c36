// `npm run admin -- grant <email>` / `npm run admin -- revoke <email>` / `npm run admin -- list`:
// instance administrators, managed by whoever runs the server (DATABASE_URL, or the embedded
// database under DATA_DIR while the server is stopped).
import { loadConfig } from "../config.js";
import { createPrismaClient } from "../db/client.js";
import { openDatabase } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { setInstanceAdmin } from "./instance-admins.js";

const USAGE = "usage: npm run admin -- grant <email> | revoke <email> | list";

async function main(args: string[]) {
  const [command, email] = args;
  if (!((command === "grant" || command === "revoke") && email) && command !== "list") {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  const db = createPrismaClient({ connectionString: database.connectionString, poolMax: 1 });
  try {
    await migrate(database.connectionString);
    if (command === "list") {
      const admins = await db.user.findMany({ where: { role: "ADMIN" }, select: { email: true }, orderBy: { email: "asc" } });
      console.log(admins.length ? admins.map((admin) => admin.email).join("\n") : "no instance administrators");
      return 0;
    }
    const result = await setInstanceAdmin(db, { email: email! }, command === "grant");
    console.log(`${result.email} is ${result.admin ? "now an instance administrator" : "no longer an instance administrator"}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

process.exitCode = await main(process.argv.slice(2));
