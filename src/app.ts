import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "./config.js";
import { createPrismaClient } from "./db/client.js";
import { openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { createGraphQLHandler } from "./graphql/yoga.js";
import { createRequestListener } from "./http-router.js";
import { createAccessTokenIssuer } from "./identity/access-tokens.js";
import { loadSigningSecret } from "./identity/secret-store.js";
import { createClickCounter } from "./links/click-counter.js";
import { createLinkCache } from "./links/link-cache.js";
import { createRedirectRoute } from "./links/redirect-route.js";
import { createLocalInvalidationBus, createRedisInvalidationBus } from "./platform/invalidation-bus.js";
import { createLogger } from "./platform/logger.js";
import { createRedisClient } from "./platform/redis.js";
import type { Services } from "./services.js";

export interface App {
  services: Services;
  server: http.Server;
  listen(): Promise<AddressInfo>;
  /** Stops accepting, drains in-flight requests, flushes click counts, closes connections. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** Observes every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config);
  try {
    await migrate(database.connectionString, { log: (line) => log.info(line) });
  } catch (error) {
    await database.stop();
    throw error;
  }
  if (database.embedded) log.info({ dataDir: config.dataDir }, "using the embedded database (PGlite)");

  const db = createPrismaClient({ connectionString: database.connectionString, poolMax: database.poolMax, onQuery: options.onQuery });
  const redis = config.redisUrl ? createRedisClient(config.redisUrl, log) : undefined;
  const bus = config.redisUrl
    ? createRedisInvalidationBus(config.redisUrl, `${config.redisKeyPrefix}link-cache`, log)
    : createLocalInvalidationBus();
  const clickCounter = createClickCounter(db, log, config.clickFlushIntervalMs);
  const linkCache = createLinkCache({ db, bus, clickCounter, ...config.linkCache });
  const accessTokens = createAccessTokenIssuer({
    secret: await loadSigningSecret(config.jwtSecret, config.dataDir),
    issuer: config.publicBaseUrl,
    ttlSeconds: config.accessTokenTtlSeconds,
  });
  const services: Services = { config, db, log, accessTokens, linkCache, clickCounter, redis };

  const graphql = createGraphQLHandler(services);
  let shuttingDown = false;
  const server = http.createServer(
    createRequestListener(
      {
        redirect: createRedirectRoute(services),
        graphql: (req, res) => void graphql(req, res),
        health: (_req, res, check) => {
          if (check === "live") return sendHealth(res, 200, { status: "ok" });
          if (shuttingDown) return sendHealth(res, 503, { status: "shutting down" });
          db.$queryRaw`SELECT 1`.then(
            () => sendHealth(res, 200, { status: "ready" }),
            (error: unknown) => {
              log.warn({ err: error }, "readiness check failed");
              sendHealth(res, 503, { status: "database unreachable" });
            },
          );
        },
      },
      { log, maxBodyBytes: config.maxBodyBytes },
    ),
  );
  server.keepAliveTimeout = 65_000;

  return {
    services,
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => resolve(server.address() as AddressInfo));
      }),
    async close() {
      shuttingDown = true;
      const drained = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
      // Keep-alive connections become idle as their last response ends: close them as they do.
      const reaper = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await drained;
      clearInterval(reaper);
      clearTimeout(forced);
      await clickCounter.stop();
      await bus.close();
      await redis?.quit();
      await db.$disconnect();
      await database.stop();
    },
  };
}

function sendHealth(res: http.ServerResponse, status: number, body: object) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
