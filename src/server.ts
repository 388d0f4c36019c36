// `npm start`: applies pending migrations, then serves HTTP until SIGTERM/SIGINT.
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { MigrationError } from "./db/migrate.js";

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  const address = await app.listen();
  const { log } = app.services;
  log.info({ address: `http://${address.address}:${address.port}`, publicBaseUrl: config.publicBaseUrl, graphiql: config.graphiql }, "Linkgraph is listening");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: draining requests and flushing click counts");
    app.close().then(
      () => {
        log.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(`Linkgraph cannot start. ${error.message}`);
  } else {
    console.error("Linkgraph cannot start:", error);
  }
  process.exit(1);
});
