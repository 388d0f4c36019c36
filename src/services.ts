import type { Redis } from "ioredis";
import type { ClickPipeline } from "./analytics/click-pipeline.js";
import type { LiveCounts } from "./analytics/live-counts.js";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import type { AccessTokenIssuer } from "./identity/access-tokens.js";
import type { CredentialEvents } from "./identity/credential-events.js";
import type { LiveCredentials } from "./identity/live-credentials.js";
import type { ApiKeyAuthenticator } from "./identity/api-keys/api-key-authenticator.js";
import type { LoginThrottle } from "./identity/login-throttle.js";
import type { SignInProviders } from "./identity/oidc/providers.js";
import type { DomainChecker } from "./domains/domain-checker.js";
import type { DomainRegistry } from "./domains/domain-registry.js";
import type { LinkCache } from "./links/link-cache.js";
import type { Logger } from "./platform/logger.js";
import type { QrRenderer } from "./qr/qr-code.js";
import type { Metrics } from "./platform/metrics.js";
import type { WebhookWorker } from "./webhooks/worker.js";

/** What use cases depend on; built once per process in app.ts and passed explicitly. */
export interface Services {
  config: Config;
  db: Db;
  log: Logger;
  accessTokens: AccessTokenIssuer;
  apiKeys: ApiKeyAuthenticator;
  loginThrottle: LoginThrottle;
  /** The OpenID Connect providers people may sign in with (OIDC_PROVIDERS). */
  signInProviders: SignInProviders;
  linkCache: LinkCache;
  /** Every domain in memory: routes requests by Host without waiting (src/domains). */
  domains: DomainRegistry;
  /** Verifies domains (TXT record or HTTP token) and re-checks them on a schedule. */
  domainChecker: DomainChecker;
  /** Draws links' QR codes (and remembers recent ones). */
  qr: QrRenderer;
  /** Takes clicks from redirects and stores them in batches (src/analytics). */
  clickPipeline: ClickPipeline;
  /** Stored click totals fanned out to live-count subscriptions. */
  liveCounts: LiveCounts;
  /** Delivers the webhook outbox; absent when WEBHOOK_WORKER=false (another process delivers). */
  webhookWorker?: WebhookWorker;
  /** This instance's Prometheus series (GET /metrics). */
  metrics: Metrics;
  /** Ends live subscriptions when their actor's access to a workspace changes (every instance). */
  /** Present when REDIS_URL is set. Fails fast when Redis is down or hung: always have a fallback. */
  redis?: Redis;
  /** "This credential ended": publish here to end live operations using it, on every instance. */
  credentialEvents: CredentialEvents;
  /** Live operations (graphql-ws sockets, SSE streams) register here to end with their credential. */
  liveCredentials: LiveCredentials;
}
