// `npm run webhook-worker`: delivers webhooks without serving HTTP, for deployments that run
// delivery apart from the API (set WEBHOOK_WORKER=false on the API instances then). Needs
// DATABASE_URL: the embedded database lives inside the server process, which delivers itself.
import { ConfigError, loadConfig } from "../config.js";
import { createPrismaClient } from "../db/client.js";
import { migrate, MigrationError } from "../db/migrate.js";
import { createLogger } from "../platform/logger.js";
import { createWebhookWorker } from "./worker.js";

async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError("Invalid configuration:\n  DATABASE_URL: required by the standalone webhook worker");
  const log = createLogger(config.logLevel);
  await migrate(config.databaseUrl, { log: (line) => log.info(line) });
  const db = createPrismaClient({ connectionString: config.databaseUrl, poolMax: Math.min(config.databasePoolMax, config.webhooks.concurrency + 1) });
  const worker = createWebhookWorker({ db, config, log });
  worker.start();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "webhook worker stopping: finishing attempts in flight");
    worker
      .stop()
      .then(() => db.$disconnect())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, "webhook worker shutdown failed");
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof MigrationError;
  console.error(`The webhook worker cannot start. ${known ? (error as Error).message : String(error)}`);
  if (!known) console.error(error);
  process.exit(1);
});
