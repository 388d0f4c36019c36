import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { startTestApp, testDatabase, type TestApp } from "./test-app.js";

export { startReceiver, until, type Receiver, type ReceivedRequest, type Reply } from "./webhook-receiver.js";

/** Fast retries and polling, loopback allowed: what webhook tests run with unless they say otherwise. */
export const WEBHOOK_TEST_ENV = {
  WEBHOOK_WORKER: "true",
  WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
  WEBHOOK_POLL_INTERVAL_MS: "50",
  WEBHOOK_TIMEOUT_MS: "2000",
  WEBHOOK_RETRY_BASE_MS: "300",
  WEBHOOK_RETRY_MAX_MS: "5000",
};

/** A fresh PostgreSQL database (dropped by the returned function), so no other app's worker sees our outbox. */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `linkgraph_webhooks_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** startTestApp with its webhook worker on, over a database of its own (PostgreSQL) or a fresh PGlite. */
export async function startWebhookTestApp(env: Record<string, string | undefined> = {}): Promise<TestApp & { databaseUrl?: string }> {
  const scratch = testDatabase() === "postgres" ? await createScratchDatabase() : undefined;
  const test = await startTestApp({ ...WEBHOOK_TEST_ENV, ...(scratch ? { DATABASE_URL: scratch.url } : {}), ...env });
  return {
    ...test,
    databaseUrl: scratch?.url,
    async close() {
      await test.close();
      await scratch?.drop();
    },
  };
}

export const CREATE_WEBHOOK = `mutation ($input: CreateWebhookInput!) {
  createWebhook(input: $input) { webhook { id url events enabled } secret }
}`;
export const CREATE_LINK = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug url } } }`;
export const DELIVERIES = `query ($id: ID!, $status: WebhookDeliveryStatus) {
  node(id: $id) { ... on Webhook {
    enabled disabledReason disabledAt consecutiveFailures
    deliveries(first: 20, status: $status) { edges { node {
      id eventId eventType status attempts responseStatus latencyMs error nextAttemptAt deliveredAt inFlight
    } } }
  } }
}`;
export const ATTEMPT_LOG = `query ($id: ID!) {
  node(id: $id) { ... on WebhookDelivery { attemptLog { number responseStatus error latencyMs startedAt finishedAt } } }
}`;

/** Registers a webhook through the API and returns its id and secret. */
export async function createWebhook(test: TestApp, token: string, input: { url: string; events?: string[]; description?: string }) {
  const result = await test.gql(CREATE_WEBHOOK, { input: { events: ["LINK_CREATED"], ...input } }, { token });
  if (!result.data?.createWebhook) throw new Error(`createWebhook failed: ${JSON.stringify(result.errors)}`);
  return result.data.createWebhook as { webhook: { id: string; url: string; events: string[]; enabled: boolean }; secret: string };
}

export async function createLink(test: TestApp, token: string, input: Record<string, unknown> = {}) {
  const result = await test.gql(CREATE_LINK, { input: { url: "https://example.com/landing", ...input } }, { token });
  if (!result.data?.createLink) throw new Error(`createLink failed: ${JSON.stringify(result.errors)}`);
  return result.data.createLink.link as { id: string; slug: string; url: string };
}

export async function deliveriesOf(test: TestApp, token: string, webhookId: string, status?: string) {
  const result = await test.gql(DELIVERIES, { id: webhookId, status }, { token });
  if (!result.data?.node) throw new Error(`reading deliveries failed: ${JSON.stringify(result.errors)}`);
  const { deliveries, ...webhook } = result.data.node;
  const nodes = deliveries.edges.map((e: { node: any }) => e.node) as any[];
  // The newest delivery's attempts too (one query for everything would exceed the cost limit).
  if (nodes[0]) {
    const log = await test.gql(ATTEMPT_LOG, { id: nodes[0].id }, { token });
    if (!log.data?.node) throw new Error(`reading the attempt log failed: ${JSON.stringify(log.errors)}`);
    nodes[0].attemptLog = log.data.node.attemptLog;
  }
  return { webhook, deliveries: nodes };
}
