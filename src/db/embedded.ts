import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL in WebAssembly (PGlite), persisted under `dataDir` ("memory://" keeps it in memory),
 * served on a loopback port so the app reaches it through the same pg/adapter-pg path as a real
 * server. PGlite is a single session: callers must use one connection (pool max 1).
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  return {
    connectionString: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
