// `npm start`: applies pending migrations, then serves HTTP until SIGTERM/SIGINT.
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { runProcess } from "./platform/process-runner.js";

runProcess("Linkgraph", async () => {
  const config = loadConfig();
  const app = await createApp(config);
  const address = await app.listen();
  const { log } = app.services;
  log.info(
    { address: `http://${address.address}:${address.port}`, publicBaseUrl: config.publicBaseUrl, graphiql: config.graphiql },
    "Linkgraph is listening",
  );
  return { log, stopping: "shutting down: draining requests and flushing click counts", stop: () => app.close() };
});
