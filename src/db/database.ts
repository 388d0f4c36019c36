import path from "node:path";
import type { Config } from "../config.js";

export interface DatabaseTarget {
  connectionString: string;
  poolMax: number;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PGlite database under DATA_DIR. */
export async function openDatabase(config: Config): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    return { connectionString: config.databaseUrl, poolMax: config.databasePoolMax, embedded: false, stop: async () => {} };
  }
  const dataDir = config.dataDir.startsWith("memory://") ? config.dataDir : path.resolve(config.dataDir, "pglite");
  // Loaded only here: a server on PostgreSQL never pays for PGlite's code.
  const { startEmbeddedDatabase } = await import("./embedded.js");
  const embedded = await startEmbeddedDatabase(dataDir);
  // One PGlite session serves every connection; a pool of one keeps transactions from interleaving.
  return { connectionString: embedded.connectionString, poolMax: 1, embedded: true, stop: embedded.stop };
}
