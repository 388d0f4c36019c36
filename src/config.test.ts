import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("runs with no settings at all: embedded database, port 3000, GraphiQL on", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, graphiql: true, publicBaseUrl: "http://localhost:3000" });
  });

  it.each([
    [{ PORT: "eighty" }, /PORT: .*number/i],
    [{ PORT: "70000" }, /PORT:/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL:/],
    [{ METRICS_TOKEN: "short" }, /METRICS_TOKEN: must be at least 16 characters/],
    [{ METRICS_PORT: "3000" }, /METRICS_PORT: must differ from PORT/],
    [{ JWT_SECRET: "short" }, /JWT_SECRET: must be at least 32 characters/],
    [{ PUBLIC_BASE_URL: "ftp://x" }, /PUBLIC_BASE_URL:/],
    [{ NODE_ENV: "production", DATABASE_URL: "postgresql://db/x" }, /JWT_SECRET: required in production/],
    [{ NODE_ENV: "production", JWT_SECRET: "x".repeat(40) }, /DATABASE_URL: required in production/],
  ])("refuses %j with a message naming the setting", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("treats empty values as unset, as .env.example leaves them", () => {
    expect(loadConfig({ DATABASE_URL: "", REDIS_URL: "", PORT: "" }).port).toBe(3000);
  });
});
