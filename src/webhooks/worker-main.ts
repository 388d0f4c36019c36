// `npm run webhook-worker`: delivers webhooks without serving HTTP, for deployments that run
// delivery apart from the API (set WEBHOOK_WORKER=false on the API instances then). Needs
// DATABASE_URL: the embedded database lives inside the server process, which delivers itself.
import { ConfigError, loadConfig } from "../config.js";
import { createPrismaClient } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { createLogger } from "../platform/logger.js";
import { runProcess } from "../platform/process-runner.js";
import { createWebhookWorker } from "./worker.js";

runProcess("The webhook worker", async () => {
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError("Invalid configuration:\n  DATABASE_URL: required by the standalone webhook worker");
  const log = createLogger(config.logLevel);
  await migrate(config.databaseUrl, { log: (line) => log.info(line) });
  const db = createPrismaClient({ connectionString: config.databaseUrl, poolMax: Math.min(config.databasePoolMax, config.webhooks.concurrency + 1) });
  const worker = createWebhookWorker({ db, config, log });
  worker.start();
  return {
    log,
    stopping: "webhook worker stopping: finishing attempts in flight",
    stop: async () => {
      await worker.stop();
      await db.$disconnect();
    },
  };
});
