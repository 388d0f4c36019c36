import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.js";

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: "test", ...env });

describe("webhook settings", () => {
  it("has defaults that retry for about half a day and disable after days of failures", () => {
    expect(load({}).webhooks).toMatchObject({
      runWorker: true,
      maxAttempts: 12,
      retryBaseMs: 30_000,
      retryMaxMs: 21_600_000,
      disableAfterFailures: 20,
      disableAfterMs: 259_200_000,
      secretGraceSeconds: 86_400,
      retentionDays: 30,
      clickMilestones: [10, 100, 1000, 10_000, 100_000, 1_000_000],
    });
  });

  it("reads the allow-list and milestones", () => {
    const config = load({ WEBHOOK_ALLOWED_HOSTS: " 127.0.0.1, 10.0.0.0/8,Hooks.Internal ,::1", WEBHOOK_CLICK_MILESTONES: "100, 5,100" });
    expect(config.webhookAllowedHosts).toEqual(["127.0.0.1", "10.0.0.0/8", "hooks.internal", "::1"]);
    expect(config.webhooks.clickMilestones).toEqual([5, 100]);
  });

  it.each([
    [{ WEBHOOK_ALLOWED_HOSTS: "127.0.0.1,http://evil" }, "WEBHOOK_ALLOWED_HOSTS"],
    [{ WEBHOOK_ALLOWED_HOSTS: "10.0.0.0/33" }, "WEBHOOK_ALLOWED_HOSTS"],
    [{ WEBHOOK_CLICK_MILESTONES: "10,ten" }, "WEBHOOK_CLICK_MILESTONES"],
    [{ WEBHOOK_CLICK_MILESTONES: "0" }, "WEBHOOK_CLICK_MILESTONES"],
    [{ WEBHOOK_RETRY_BASE_MS: "60000", WEBHOOK_RETRY_MAX_MS: "1000" }, "WEBHOOK_RETRY_MAX_MS"],
    [{ WEBHOOK_TIMEOUT_MS: "5" }, "WEBHOOK_TIMEOUT_MS"],
    [{ WEBHOOK_WORKER: "yes" }, "WEBHOOK_WORKER"],
  ])("refuses %j, naming the setting", (env, setting) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(setting);
  });
});
