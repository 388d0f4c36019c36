import ipaddr from "ipaddr.js";
import { z } from "zod";
import { parseOidcSettings } from "./platform/oidc-settings.js";
import { parseTrustProxy, type TrustProxy } from "./platform/client-ip.js";

const booleanFromEnv = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .refine((value) => value === undefined || protocols.some((p) => value.startsWith(p)), {
      message: `must start with ${protocols.join(" or ")}`,
    });

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: optionalUrl(["postgres://", "postgresql://"]),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalUrl(["redis://", "rediss://"]),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, "must be 1–64 of A–Z a–z 0–9 _ : . -")
    .default("linkgraph:"),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(168),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // Identity (src/identity): key rotation, the web refresh cookie, login throttling. OIDC_* are read by parseOidcSettings.
  JWT_PREVIOUS_SECRETS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((secrets) => secrets.every((secret) => secret.length >= 32), { message: "each secret must be at least 32 characters" }),
  REFRESH_COOKIE_SAME_SITE: z.enum(["strict", "lax", "none"]).default("strict"),
  REFRESH_COOKIE_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim().replace(/\/+$/, ""))
        .filter(Boolean),
    )
    .refine((origins) => origins.every((origin) => /^https?:\/\/[^/?#\s]+$/.test(origin)), {
      message: "must be comma-separated origins such as https://app.example.com",
    }),
  LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(10),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).default(100),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(100),
  // At most 24 days: the in-process store expires keys with setTimeout (a 32-bit millisecond delay).
  LOGIN_KNOWN_CLIENT_DAYS: z.coerce.number().int().min(1).max(24).default(14),
  // Link passwords (src/links/link-password-throttle.ts): back-off per link and client address.
  LINK_PASSWORD_FREE_FAILURES: z.coerce.number().int().min(0).max(100).default(3),
  LINK_PASSWORD_MAX_BACKOFF_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  LINK_PASSWORD_MAX_FAILURES_PER_LINK: z.coerce.number().int().min(1).max(1_000_000).default(20),
  LINK_PASSWORD_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  GRAPHIQL: booleanFromEnv.optional(),
  // API gateway (persisted operations, query limits, rate limits): see the README section.
  PERSISTED_QUERIES_DIR: z.string().min(1).default("./persisted-queries"),
  PERSISTED_QUERIES_RELOAD_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  PERSISTED_QUERIES_ONLY: booleanFromEnv.optional(),
  APQ_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  APQ_MAX_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(52_428_800),
  APQ_TTL_SECONDS: z.coerce.number().int().min(1).max(2_592_000).default(86_400),
  GRAPHQL_INTROSPECTION: booleanFromEnv.optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(10),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(10),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(1_000),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  GRAPHQL_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
  GRAPHQL_PUBLIC_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
      return parsed as TrustProxy;
    }),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  RATE_LIMIT_ANONYMOUS_POINTS: z.coerce.number().int().min(1).default(1_000),
  RATE_LIMIT_USER_POINTS: z.coerce.number().int().min(1).default(10_000),
  RATE_LIMIT_API_KEY_POINTS: z.coerce.number().int().min(1).default(20_000),
  RATE_LIMIT_REDIRECTS_PER_MINUTE: z.coerce.number().int().min(0).default(6_000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(102_400),
  // Slow clients (src/app.ts): the whole request must arrive within REQUEST_TIMEOUT_MS, its headers within HEADERS_TIMEOUT_MS.
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(10_000),
  LINK_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).default(50_000),
  LINK_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  CLICK_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  // Click analytics (src/analytics): see the README section "Click analytics and live counts".
  CLICK_CAPTURE: booleanFromEnv.default(true),
  CLICK_QUEUE: z.enum(["auto", "memory", "redis"]).default("auto"),
  CLICK_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1_000),
  CLICK_BUFFER_MAX: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
  CLICK_CLAIM_IDLE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  CLICK_COUNT_BOTS: booleanFromEnv.default(false),
  CLICK_STORE_IP: booleanFromEnv.default(false),
  CLICK_COUNTRY_HEADER: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9-]{1,64})?$/, "must be a header name such as cf-ipcountry")
    .default(""),
  LIVE_COUNTS_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(40),
  LIVE_TOTALS_RECONCILE_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  LIVE_MAX_WEBSOCKETS_PER_USER: z.coerce.number().int().min(1).max(100_000).default(20),
  LIVE_MAX_SSE_STREAMS_PER_USER: z.coerce.number().int().min(1).max(100_000).default(20),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  // Prometheus /metrics (src/platform/metrics-route.ts): a bearer token and/or an internal listener.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isHostOrCidr), {
      message: "must be comma-separated host names, IP addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8,hooks.internal)",
    }),
  WEBHOOK_WORKER: booleanFromEnv.default(true),
  // Custom domains (src/domains): verification checks, see the README section "Custom domains".
  DOMAIN_DNS_SERVERS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every((entry) => /^(\[[0-9a-f:.]+\]|[0-9.]+|[0-9a-f:]+)(:\d{1,5})?$/i.test(entry)), {
      message: "must be comma-separated IP addresses with an optional port (e.g. 1.1.1.1,127.0.0.1:4253,[::1]:53)",
    }),
  DOMAIN_HTTP_CHECK_PORT: z.coerce.number().int().min(1).max(65535).default(80),
  DOMAIN_CHECK_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  DOMAIN_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  DOMAIN_CHECK_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  DOMAIN_RECHECK_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(2_592_000).default(21_600),
  DOMAIN_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  DOMAIN_RETRY_MAX_SECONDS: z.coerce.number().int().min(1).max(604_800).default(3_600),
  // QR codes (src/qr): logos fetched from URLs.
  QR_LOGO_MAX_BYTES: z.coerce.number().int().min(1_024).max(5_242_880).default(262_144),
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(20).max(60_000).default(1_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(8),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).default(21_600_000),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(20),
  WEBHOOK_DISABLE_AFTER_MS: z.coerce.number().int().min(0).default(259_200_000),
  WEBHOOK_SECRET_GRACE_SECONDS: z.coerce.number().int().min(0).max(604_800).default(86_400),
  WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  WEBHOOK_CLICK_MILESTONES: z
    .string()
    .default("10,100,1000,10000,100000,1000000")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map(Number),
    )
    .refine((values) => values.every((n) => Number.isSafeInteger(n) && n > 0), { message: "must be comma-separated positive integers" })
    .transform((values) => [...new Set(values)].sort((a, b) => a - b)),
});

export type Config = ReturnType<typeof loadConfig>;

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const isHostOrCidr = (entry: string) =>
  ipaddr.IPv4.isValidFourPartDecimal(entry) ||
  ipaddr.IPv4.isValidCIDRFourPartDecimal(entry) ||
  ipaddr.IPv6.isValid(entry) ||
  ipaddr.IPv6.isValidCIDR(entry) ||
  (HOST_NAME.test(entry) && !/^[\d.]+$/.test(entry));

export class ConfigError extends Error {}

/** Reads and validates settings from the environment; every setting is listed in .env.example. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = environmentSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const settings = parsed.data;
  const isProduction = settings.NODE_ENV === "production";
  if (isProduction && !settings.JWT_SECRET) {
    throw new ConfigError("Invalid configuration:\n  JWT_SECRET: required in production (at least 32 characters)");
  }
  if (isProduction && !settings.DATABASE_URL) {
    throw new ConfigError("Invalid configuration:\n  DATABASE_URL: required in production (the embedded database is for development)");
  }
  if (settings.CLICK_QUEUE === "redis" && !settings.REDIS_URL) {
    throw new ConfigError('Invalid configuration:\n  CLICK_QUEUE: "redis" needs REDIS_URL');
  }
  if (settings.METRICS_PORT !== undefined && settings.METRICS_PORT === settings.PORT) {
    throw new ConfigError("Invalid configuration:\n  METRICS_PORT: must differ from PORT (it is the internal listener for /metrics)");
  }
  if (settings.HEADERS_TIMEOUT_MS > settings.REQUEST_TIMEOUT_MS) {
    throw new ConfigError("Invalid configuration:\n  HEADERS_TIMEOUT_MS: must not exceed REQUEST_TIMEOUT_MS");
  }
  if (settings.WEBHOOK_RETRY_MAX_MS < settings.WEBHOOK_RETRY_BASE_MS) {
    throw new ConfigError("Invalid configuration:\n  WEBHOOK_RETRY_MAX_MS: must not be smaller than WEBHOOK_RETRY_BASE_MS");
  }
  const oidc = parseOidcSettings(withoutEmptyValues(env));
  if (oidc.problems.length) throw new ConfigError(`Invalid configuration:\n${oidc.problems.map((p) => `  ${p}`).join("\n")}`);
  const publicBaseUrl = (settings.PUBLIC_BASE_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, "");
  return {
    env: settings.NODE_ENV,
    isProduction,
    port: settings.PORT,
    host: settings.HOST,
    publicBaseUrl,
    databaseUrl: settings.DATABASE_URL,
    databasePoolMax: settings.DATABASE_POOL_MAX,
    redisUrl: settings.REDIS_URL,
    redisKeyPrefix: settings.REDIS_KEY_PREFIX,
    redis: { commandTimeoutMs: settings.REDIS_COMMAND_TIMEOUT_MS },
    dataDir: settings.DATA_DIR,
    logLevel: settings.LOG_LEVEL,
    jwtSecret: settings.JWT_SECRET,
    accessTokenTtlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: settings.REFRESH_TOKEN_TTL_DAYS,
    /** How long a workspace invitation's token can be accepted. */
    invitationTtlHours: settings.INVITATION_TTL_HOURS,
    /** Retired signing secrets: tokens they signed verify until they expire. */
    jwtPreviousSecrets: settings.JWT_PREVIOUS_SECRETS,
    refreshCookieSameSite: settings.REFRESH_COOKIE_SAME_SITE,
    /** Origins whose pages may use the refresh cookie, besides PUBLIC_BASE_URL's. */
    refreshCookieOrigins: settings.REFRESH_COOKIE_ORIGINS,
    loginThrottle: {
      maxFailuresPerClient: settings.LOGIN_MAX_FAILURES_PER_CLIENT,
      maxFailuresPerAccount: settings.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxAttemptsPerIp: settings.LOGIN_MAX_ATTEMPTS_PER_IP,
      knownClientDays: settings.LOGIN_KNOWN_CLIENT_DAYS,
      windowSeconds: settings.LOGIN_THROTTLE_WINDOW_SECONDS,
    },
    linkPasswordThrottle: {
      freeFailures: settings.LINK_PASSWORD_FREE_FAILURES,
      maxBackoffSeconds: settings.LINK_PASSWORD_MAX_BACKOFF_SECONDS,
      maxFailuresPerLink: settings.LINK_PASSWORD_MAX_FAILURES_PER_LINK,
      windowSeconds: settings.LINK_PASSWORD_WINDOW_SECONDS,
    },
    oidc: oidc.settings,
    graphiql: settings.GRAPHIQL ?? !isProduction,
    trustProxy: settings.TRUST_PROXY,
    gateway: {
      persistedQueriesDir: settings.PERSISTED_QUERIES_DIR,
      persistedQueriesReloadMs: settings.PERSISTED_QUERIES_RELOAD_MS,
      persistedQueriesOnly: settings.PERSISTED_QUERIES_ONLY ?? isProduction,
      /** Automatic Persisted Queries registered where arbitrary operations are allowed. */
      apq: { maxEntries: settings.APQ_MAX_ENTRIES, maxBytes: settings.APQ_MAX_BYTES, ttlSeconds: settings.APQ_TTL_SECONDS },
      introspection: settings.GRAPHQL_INTROSPECTION ?? !isProduction,
      blockFieldSuggestions: isProduction,
      maxDepth: settings.GRAPHQL_MAX_DEPTH,
      maxAliases: settings.GRAPHQL_MAX_ALIASES,
      maxDirectives: settings.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: settings.GRAPHQL_MAX_TOKENS,
      maxCost: settings.GRAPHQL_MAX_COST,
      maxPageSize: settings.GRAPHQL_MAX_PAGE_SIZE,
      publicMaxAgeSeconds: settings.GRAPHQL_PUBLIC_MAX_AGE_SECONDS,
    },
    rateLimits: {
      windowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS,
      anonymousPoints: settings.RATE_LIMIT_ANONYMOUS_POINTS,
      userPoints: settings.RATE_LIMIT_USER_POINTS,
      apiKeyPoints: settings.RATE_LIMIT_API_KEY_POINTS,
      redirectsPerMinute: settings.RATE_LIMIT_REDIRECTS_PER_MINUTE,
    },
    maxBodyBytes: settings.MAX_BODY_BYTES,
    requestTimeoutMs: settings.REQUEST_TIMEOUT_MS,
    headersTimeoutMs: settings.HEADERS_TIMEOUT_MS,
    linkCache: { maxEntries: settings.LINK_CACHE_MAX_ENTRIES, ttlMs: settings.LINK_CACHE_TTL_MS },
    clickFlushIntervalMs: settings.CLICK_FLUSH_INTERVAL_MS,
    clicks: {
      capture: settings.CLICK_CAPTURE,
      queue: (settings.CLICK_QUEUE === "auto" ? (settings.REDIS_URL ? "redis" : "memory") : settings.CLICK_QUEUE) as "memory" | "redis",
      batchSize: settings.CLICK_BATCH_SIZE,
      bufferMax: settings.CLICK_BUFFER_MAX,
      claimIdleMs: settings.CLICK_CLAIM_IDLE_MS,
      countBots: settings.CLICK_COUNT_BOTS,
      storeIp: settings.CLICK_STORE_IP,
      countryHeader: settings.CLICK_COUNTRY_HEADER || undefined,
    },
    liveCountsIntervalMs: settings.LIVE_COUNTS_INTERVAL_MS,
    live: {
      /** How often stored totals of watched links are re-read (every flush interval while Redis is unreachable). */
      totalsReconcileMs: settings.LIVE_TOTALS_RECONCILE_MS,
      /** Per user (sessions) and per API key, on each instance. */
      maxWebSocketsPerUser: settings.LIVE_MAX_WEBSOCKETS_PER_USER,
      maxSseStreamsPerUser: settings.LIVE_MAX_SSE_STREAMS_PER_USER,
    },
    shutdownTimeoutMs: settings.SHUTDOWN_TIMEOUT_MS,
    metrics: {
      /** Bearer token /metrics requires (on the main and the internal listener). */
      token: settings.METRICS_TOKEN,
      /** When set, /metrics is served on its own listener (METRICS_HOST:METRICS_PORT), not on PORT. */
      port: settings.METRICS_PORT,
      host: settings.METRICS_HOST,
    },
    webhookAllowedHosts: settings.WEBHOOK_ALLOWED_HOSTS,
    domainChecks: {
      /** Resolvers to ask (default: the system's). */
      dnsServers: settings.DOMAIN_DNS_SERVERS,
      httpPort: settings.DOMAIN_HTTP_CHECK_PORT,
      /** How often due domains are looked for; 0 turns the background checker off (verifyDomain still checks). */
      pollMs: settings.DOMAIN_CHECK_POLL_MS,
      timeoutMs: settings.DOMAIN_CHECK_TIMEOUT_MS,
      attempts: settings.DOMAIN_CHECK_ATTEMPTS,
      retryDelayMs: 250,
      recheckMs: settings.DOMAIN_RECHECK_INTERVAL_SECONDS * 1000,
      retryBaseMs: settings.DOMAIN_RETRY_BASE_SECONDS * 1000,
      retryMaxMs: Math.max(settings.DOMAIN_RETRY_MAX_SECONDS, settings.DOMAIN_RETRY_BASE_SECONDS) * 1000,
    },
    qr: { logoMaxBytes: settings.QR_LOGO_MAX_BYTES },
    webhooks: {
      runWorker: settings.WEBHOOK_WORKER,
      pollIntervalMs: settings.WEBHOOK_POLL_INTERVAL_MS,
      concurrency: settings.WEBHOOK_CONCURRENCY,
      timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
      maxAttempts: settings.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: settings.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: settings.WEBHOOK_RETRY_MAX_MS,
      disableAfterFailures: settings.WEBHOOK_DISABLE_AFTER_FAILURES,
      disableAfterMs: settings.WEBHOOK_DISABLE_AFTER_MS,
      secretGraceSeconds: settings.WEBHOOK_SECRET_GRACE_SECONDS,
      retentionDays: settings.WEBHOOK_RETENTION_DAYS,
      clickMilestones: settings.WEBHOOK_CLICK_MILESTONES,
    },
  };
}

function withoutEmptyValues(env: NodeJS.ProcessEnv) {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
}
