import { z } from "zod";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

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
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, "must be 1–64 of A–Z a–z 0–9 _ : . -").default("linkgraph:"),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  GRAPHIQL: booleanFromEnv.optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(102_400),
  LINK_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).default(50_000),
  LINK_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  CLICK_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  WEBHOOK_ALLOWED_HOSTS: z.string().default(""),
});

export type Config = ReturnType<typeof loadConfig>;

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
    dataDir: settings.DATA_DIR,
    logLevel: settings.LOG_LEVEL,
    jwtSecret: settings.JWT_SECRET,
    accessTokenTtlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: settings.REFRESH_TOKEN_TTL_DAYS,
    graphiql: settings.GRAPHIQL ?? !isProduction,
    maxBodyBytes: settings.MAX_BODY_BYTES,
    linkCache: { maxEntries: settings.LINK_CACHE_MAX_ENTRIES, ttlMs: settings.LINK_CACHE_TTL_MS },
    clickFlushIntervalMs: settings.CLICK_FLUSH_INTERVAL_MS,
    shutdownTimeoutMs: settings.SHUTDOWN_TIMEOUT_MS,
    webhookAllowedHosts: settings.WEBHOOK_ALLOWED_HOSTS.split(",").map((h) => h.trim()).filter(Boolean),
  };
}

function withoutEmptyValues(env: NodeJS.ProcessEnv) {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
}
