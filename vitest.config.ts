import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Every test runs twice: against real PostgreSQL (a fresh database per run) and against the
// embedded PGlite database (a fresh in-memory instance per test app).
export default defineConfig({
  // graphql ships CJS and ESM builds; Yoga loads the CJS one, so our code must too, or
  // `instanceof GraphQLError` fails across the two copies and our errors get masked.
  resolve: { alias: { graphql: createRequire(import.meta.url).resolve("graphql") } },
  test: {
    globalSetup: ["tests/global-setup.ts", "tests/build-dashboard.ts"],
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "postgres", env: { TEST_DB: "postgres" } } },
      { extends: true, test: { name: "embedded", env: { TEST_DB: "embedded" }, fileParallelism: false } },
    ],
  },
});
