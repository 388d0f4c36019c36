import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";

export const TEST_PUBLIC_BASE_URL = "https://lg.test";
export const TEST_JWT_SECRET = "test-secret-that-is-long-enough-for-hs256!!";

export type TestDatabase = "postgres" | "embedded";
export const testDatabase = (): TestDatabase => (process.env.TEST_DB === "embedded" ? "embedded" : "postgres");

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  data: T;
  errors?: Array<{ message: string; extensions: { code: string; field?: string; [key: string]: unknown } }>;
}

export interface TestApp {
  app: App;
  baseUrl: string;
  /** SQL statements the app sent since the last reset (see `countStatements`). */
  statements: string[];
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  signUp(email?: string): Promise<{ token: string; refreshToken: string; userId: string; email: string }>;
  countStatements<T>(work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }>;
  close(): Promise<void>;
}

/**
 * Starts the real app on a loopback port: PostgreSQL from the run's database, or a fresh
 * in-memory PGlite when the project is "embedded". Tests talk to it over HTTP like a client.
 */
export async function startTestApp(env: Record<string, string | undefined> = {}): Promise<TestApp> {
  const database = testDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: "memory://",
    DATABASE_URL: database === "postgres" ? inject("databaseUrl") : undefined,
    CLICK_FLUSH_INTERVAL_MS: "50",
    // Test apps share one database: a webhook worker in each would claim the others' deliveries
    // (and poll into statement counts). Webhook tests turn it on in an app of their own.
    WEBHOOK_WORKER: "false",
    // Every test app is called from 127.0.0.1 by suites that sign up many users: limits that
    // never bite unless a test sets its own (src/graphql/gateway/rate-limits.test.ts does).
    RATE_LIMIT_ANONYMOUS_POINTS: "1000000",
    RATE_LIMIT_USER_POINTS: "1000000",
    RATE_LIMIT_API_KEY_POINTS: "1000000",
    RATE_LIMIT_REDIRECTS_PER_MINUTE: "1000000",
    ...env,
  });
  const statements: string[] = [];
  const app = await createApp(config, { onQuery: (sql) => statements.push(sql) });
  const address = await app.listen();
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const gql: TestApp["gql"] = async (query, variables, options = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: any; errors?: any[] };
    return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
  };

  return {
    app,
    baseUrl,
    statements,
    gql,
    async signUp(email = `user-${randomUUID()}@example.com`) {
      const result = await gql(`mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id email } } }`, {
        input: { email, password: "correct horse battery" },
      });
      if (!result.data?.signUp) throw new Error(`signUp failed: ${JSON.stringify(result.errors)}`);
      const { accessToken, refreshToken, user } = result.data.signUp;
      return { token: accessToken, refreshToken, userId: user.id, email: user.email };
    },
    async countStatements(work) {
      statements.length = 0;
      const result = await work();
      return { result, count: statements.length, statements: [...statements] };
    },
    close: () => app.close(),
  };
}
