import { randomBytes } from "node:crypto";
import http from "node:http";
import { hostname } from "node:os";
import type { AddressInfo } from "node:net";
import { createClickAnalytics } from "./analytics/click-analytics.js";
import type { Config } from "./config.js";
import { createDashboardRoute } from "./dashboard/dashboard-route.js";
import { createPrismaClient } from "./db/client.js";
import { openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { attachGraphQLWebSocket } from "./graphql/websocket.js";
import { isGraphiQLPageRequest, sendGraphiQLDisabled } from "./graphql/graphiql.js";
import { createGraphQLHandler } from "./graphql/yoga.js";
import { createRequestListener } from "./http-router.js";
import { sendError } from "./platform/problem.js";
import { attachParsedJsonBody, readBody } from "./platform/request-body.js";
import { createAccessTokenIssuer } from "./identity/access-tokens.js";
import { createApiKeyAuthenticator } from "./identity/api-keys/api-key-authenticator.js";
import type { CredentialEnded } from "./identity/credential-events.js";
import { createLiveCredentials } from "./identity/live-credentials.js";
import { createLoginThrottle } from "./identity/login-throttle.js";
import { createAuthRoutes } from "./identity/oidc/auth-routes.js";
import { createSignInProviders } from "./identity/oidc/providers.js";
import { createTransactionSealer } from "./identity/oidc/sign-in-transaction.js";
import { loadSigningKeys } from "./identity/secret-store.js";
import { createDomainChecker } from "./domains/domain-checker.js";
import { createDnsProbe, type DomainProbe } from "./domains/domain-probe.js";
import { createDomainRegistry } from "./domains/domain-registry.js";
import { createRootRoute, createTlsAskRoute } from "./domains/domain-routes.js";
import { defaultHostname, syncDefaultDomain } from "./domains/default-domain.js";
import { createLinkCache } from "./links/link-cache.js";
import { createRedirectRoute } from "./links/redirect-route.js";
import { createLogger } from "./platform/logger.js";
import { createMetrics } from "./platform/metrics.js";
import { createMetricsRoute, listenForMetrics } from "./platform/metrics-route.js";
import { createLocalPubSub, createRedisPubSub } from "./platform/pubsub.js";
import { createRedisClient } from "./platform/redis.js";
import { createStaticAssets } from "./platform/static-assets.js";
import { createQrRenderer } from "./qr/qr-code.js";
import { createLogoLoader } from "./qr/qr-logo.js";
import { createQrRoute } from "./qr/qr-route.js";
import { createRestRoute } from "./rest/index.js";
import type { Services } from "./services.js";
import { createWebhookWorker } from "./webhooks/worker.js";

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
  /** How domains are looked at from outside (default: DNS per DOMAIN_DNS_SERVERS, HTTP on DOMAIN_HTTP_CHECK_PORT). */
  domainProbe?: DomainProbe;
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
  const redis = config.redisUrl ? createRedisClient(config.redisUrl, log, config.redis) : undefined;
  const instance = `${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
  // Every cross-instance message (cache invalidation, click totals, ended credentials) shares one subscriber.
  const pubsub = redis ? createRedisPubSub({ redis, prefix: config.redisKeyPrefix, instance, log }) : createLocalPubSub();
  const bus = pubsub.channel<string>("link-cache");
  const credentialEvents = pubsub.channel<CredentialEnded>("credentials:ended");
  const liveCredentials = createLiveCredentials({ db, events: credentialEvents, log });
  const metrics = createMetrics();
  const clickAnalytics = await createClickAnalytics({
    config,
    db,
    redis,
    pubsub,
    log,
    metrics,
    copyConnectionString: database.embedded ? undefined : database.connectionString,
  });
  const { pipeline: clickPipeline, liveCounts } = clickAnalytics;
  const linkCache = createLinkCache({ db, bus, clicks: clickPipeline, ...config.linkCache });
  await syncDefaultDomain(db, config);
  const domains = await createDomainRegistry({ db, bus: pubsub.channel<string>("domains"), defaultHostname: defaultHostname(config), log });
  const domainProbe =
    options.domainProbe ??
    createDnsProbe({ ...config.domainChecks, servers: config.domainChecks.dnsServers, allowedHosts: config.webhookAllowedHosts });
  const domainChecker = createDomainChecker({ db, probe: domainProbe, domains, config, log });
  const qr = createQrRenderer(
    createLogoLoader({ maxBytes: config.qr.logoMaxBytes, allowedHosts: config.webhookAllowedHosts, allowHttp: !config.isProduction }),
  );
  clickAnalytics.watchTotals(() => linkCache.cappedLinkIds());
  const signingKeys = await loadSigningKeys(config);
  const accessTokens = createAccessTokenIssuer({
    keys: signingKeys,
    issuer: config.publicBaseUrl,
    ttlSeconds: config.accessTokenTtlSeconds,
  });
  const apiKeys = createApiKeyAuthenticator(db, log);
  const loginThrottle = createLoginThrottle({ config, redis });
  const signInProviders = createSignInProviders(config.oidc.providers, log);
  const services: Services = {
    config,
    db,
    log,
    accessTokens,
    apiKeys,
    loginThrottle,
    signInProviders,
    linkCache,
    clickPipeline,
    liveCounts,
    metrics,
    redis,
    credentialEvents,
    liveCredentials,
    domains,
    domainChecker,
    qr,
  };
  domainChecker.start();
  metrics.watch({ clickStats: () => clickPipeline.stats(), openSubscriptions: () => liveCounts.subscribers });
  const metricsRoute = createMetricsRoute(metrics, config, sendError);

  if (config.webhooks.runWorker) services.webhookWorker = createWebhookWorker({ db, config, log, metrics });
  services.webhookWorker?.start();

  const staticAssets = createStaticAssets();
  const graphql = createGraphQLHandler(services, staticAssets);
  let shuttingDown = false;
  const server = http.createServer(
    {
      // Node's defaults hold a slow request for 300 s (and check only every 30 s).
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs),
    },
    createRequestListener(
      {
        redirect: createRedirectRoute(services),
        auth: createAuthRoutes(services, createTransactionSealer(signingKeys)),
        graphql: (req, res) => {
          if (!config.graphiql && isGraphiQLPageRequest(req)) return sendGraphiQLDisabled(res, config.publicBaseUrl);
          if (req.method !== "POST" || !/^application\/(graphql-response\+)?json\b/i.test(req.headers["content-type"] ?? ""))
            return void graphql(req, res);
          void readBody(req).then((body) => {
            if (body === undefined) return;
            attachParsedJsonBody(req, body);
            return graphql(req, res);
          });
        },
        static: (req, res, path) => staticAssets.serve(req, res, path),
        rest: createRestRoute(services, graphql.gateway.rateLimits, staticAssets),
        dashboard: createDashboardRoute(services),
        root: createRootRoute(domains, (res) => sendError(res, 404, "NOT_FOUND", "Not found")),
        tlsAsk: createTlsAskRoute(domains),
        qr: (() => {
          const route = createQrRoute(services);
          return (req, res, path) => void route(req, res, path);
        })(),
        metrics: metricsRoute.public,
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
      { log, maxBodyBytes: config.maxBodyBytes, metrics },
    ),
  );
  server.keepAliveTimeout = 65_000;
  const graphqlWebSocket = attachGraphQLWebSocket(server, graphql, services);
  let metricsListener: Awaited<ReturnType<typeof listenForMetrics>> | undefined;

  return {
    services,
    server,
    async listen() {
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => resolve(server.address() as AddressInfo));
      });
      if (config.metrics.port !== undefined && !metricsListener) {
        metricsListener = await listenForMetrics(metricsRoute, config.metrics.host, config.metrics.port);
        log.info({ host: config.metrics.host, port: metricsListener.address.port }, "serving /metrics on the internal listener");
      }
      return address;
    },
    async close() {
      shuttingDown = true;
      // Live subscriptions (SSE responses, WebSockets) would hold the server open: end them first.
      liveCounts.close();
      const closedSockets = graphqlWebSocket.close();
      const drained = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
      // Keep-alive connections become idle as their last response ends: close them as they do.
      const reaper = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await drained;
      clearInterval(reaper);
      clearTimeout(forced);
      await closedSockets;
      await metricsListener?.close();
      await clickAnalytics.close(Date.now() + config.shutdownTimeoutMs);
      await services.webhookWorker?.stop();
      await domainChecker.stop();
      await apiKeys.stop();
      liveCredentials.close();
      await pubsub.close();
      await redis?.quit().catch(() => redis.disconnect());
      await db.$disconnect();
      await database.stop();
    },
  };
}

function sendHealth(res: http.ServerResponse, status: number, body: object) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
