import { ConfigError } from "../config.js";
import { MigrationError } from "../db/migrate.js";
import type { Logger } from "./logger.js";

/** A long-running process once started: its logger, and how it stops gracefully. */
export interface Running {
  log: Logger;
  stopping: string;
  stop(): Promise<void>;
}

/**
 * The one way a long-running process (the server, the webhook worker) starts and stops: a clear
 * message and exit code 1 when it cannot start (configuration and migration errors without a
 * stack), a graceful stop on the first SIGTERM/SIGINT, and an immediate exit on a second one.
 */
export function runProcess(name: string, start: () => Promise<Running>): void {
  start().then(
    (running) => {
      let stopping = false;
      const onSignal = (signal: NodeJS.Signals) => {
        if (stopping) {
          running.log.warn({ signal }, `${name}: second signal, exiting without waiting`);
          process.exit(1);
        }
        stopping = true;
        running.log.info({ signal }, running.stopping);
        running.stop().then(
          () => {
            running.log.info(`${name} stopped`);
            process.exit(0);
          },
          (error: unknown) => {
            running.log.error({ err: error }, `${name}: shutdown failed`);
            process.exit(1);
          },
        );
      };
      process.on("SIGTERM", onSignal);
      process.on("SIGINT", onSignal);
    },
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof MigrationError) console.error(`${name} cannot start. ${error.message}`);
      else console.error(`${name} cannot start:`, error);
      process.exit(1);
    },
  );
}
