import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";
import { signUpAdmin } from "../../tests/helpers/users.js";
import { CREATE_WEBHOOK, createWebhook } from "../../tests/helpers/webhooks.js";
import { createWebhookSchema } from "./webhook-input.js";

let test: TestApp;
let alice: { token: string };
let bob: { token: string };

const UPDATE = `mutation ($input: UpdateWebhookInput!) {
  updateWebhook(input: $input) { webhook { id url events enabled disabledAt disabledReason description } }
}`;
const DELETE = `mutation ($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { deletedId } }`;
const ROTATE = `mutation ($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { webhook { id previousSecretExpiresAt } secret } }`;
const SEND_TEST = `mutation ($input: SendTestWebhookEventInput!) { sendTestWebhookEvent(input: $input) { delivery { id eventType status } } }`;
const REDELIVER = `mutation ($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { delivery { id status } } }`;
const LIST = `query ($allOwners: Boolean) { webhooks(first: 50, allOwners: $allOwners) { edges { node { id url owner { email } } } } }`;
const NODE = `query ($id: ID!) { node(id: $id) { id ... on Webhook { url } ... on WebhookDelivery { eventType } } }`;

const URL_OK = "https://hooks.example.com/linkgraph";

beforeAll(async () => {
  test = await startTestApp();
  alice = await test.signUp();
  bob = await test.signUp();
});
afterAll(() => test.close());

describe("registering a webhook", () => {
  it("returns the signing secret once; it is never readable afterwards", async () => {
    const { webhook, secret } = await createWebhook(test, alice.token, { url: URL_OK, events: ["LINK_CREATED", "LINK_DELETED", "LINK_CREATED"] });
    expect(webhook).toMatchObject({ url: URL_OK, events: ["LINK_CREATED", "LINK_DELETED"], enabled: true });
    expect(secret).toMatch(/^whsec_/);
    const introspection = await test.gql(`{ __type(name: "Webhook") { fields { name } } }`);
    expect(introspection.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain("secret");
  });

  it.each([
    ["not a url", "absolute http(s) URL"],
    ["ftp://example.com/hook", "http(s)"],
    ["https://user:pass@example.com/hook", "credentials"],
    ["http://127.0.0.1:8080/hook", "loopback"],
    ["http://[::1]/hook", "loopback"],
    ["http://169.254.169.254/latest/meta-data", "link-local"],
    ["http://10.0.0.7/hook", "private"],
    ["http://localhost:3000/hook", "localhost"],
    ["http://hooks.localhost/x", "localhost"],
    [`https://example.com/${"a".repeat(2100)}`, "2048"],
  ])("refuses %s with BAD_USER_INPUT on url", async (url, message) => {
    const result = await test.gql(CREATE_WEBHOOK, { input: { url, events: ["LINK_CREATED"] } }, { token: alice.token });
    expect(result.data.createWebhook).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
    expect(result.errors?.[0]?.message).toContain(message);
  });

  it("needs at least one event and a valid event name", async () => {
    const none = await test.gql(CREATE_WEBHOOK, { input: { url: URL_OK, events: [] } }, { token: alice.token });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "events" });
    const unknown = await test.gql(CREATE_WEBHOOK, { input: { url: URL_OK, events: ["LINK_EXPLODED"] } }, { token: alice.token });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("requires https in production", () => {
    const production = createWebhookSchema({ isProduction: true, webhookAllowedHosts: [] });
    expect(production.safeParse({ url: "http://hooks.example.com/x", events: ["LINK_CREATED"] }).error?.issues[0]?.message).toBe("must use https");
    expect(production.safeParse({ url: URL_OK, events: ["LINK_CREATED"] }).success).toBe(true);
  });

  it("requires authentication", async () => {
    const result = await test.gql(CREATE_WEBHOOK, { input: { url: URL_OK, events: ["LINK_CREATED"] } });
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("managing a webhook", () => {
  it("updates events and description, disables with a reason, and enables again", async () => {
    const { webhook } = await createWebhook(test, alice.token, { url: URL_OK });
    const changed = await test.gql(UPDATE, { input: { id: webhook.id, events: ["LINK_UPDATED"], description: "CRM sync" } }, { token: alice.token });
    expect(changed.data.updateWebhook.webhook).toMatchObject({ events: ["LINK_UPDATED"], description: "CRM sync", enabled: true });

    const disabled = await test.gql(UPDATE, { input: { id: webhook.id, enabled: false } }, { token: alice.token });
    expect(disabled.data.updateWebhook.webhook).toMatchObject({ enabled: false, disabledReason: "Disabled by its owner" });
    expect(disabled.data.updateWebhook.webhook.disabledAt).not.toBeNull();
    const testEvent = await test.gql(SEND_TEST, { input: { id: webhook.id } }, { token: alice.token });
    expect(testEvent.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const enabled = await test.gql(UPDATE, { input: { id: webhook.id, enabled: true } }, { token: alice.token });
    expect(enabled.data.updateWebhook.webhook).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });

    const badUrl = await test.gql(UPDATE, { input: { id: webhook.id, url: "http://192.168.0.1/" } }, { token: alice.token });
    expect(badUrl.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
    const nullUrl = await test.gql(UPDATE, { input: { id: webhook.id, url: null } }, { token: alice.token });
    expect(nullUrl.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
  });

  it("rotates the secret, reporting until when the old one still signs", async () => {
    const { webhook, secret } = await createWebhook(test, alice.token, { url: URL_OK });
    const rotated = await test.gql(ROTATE, { input: { id: webhook.id } }, { token: alice.token });
    expect(rotated.data.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data.rotateWebhookSecret.secret).not.toBe(secret);
    const graceEnds = new Date(rotated.data.rotateWebhookSecret.webhook.previousSecretExpiresAt).getTime();
    expect(graceEnds).toBeGreaterThan(Date.now() + 86_000_000);
    const immediate = await test.gql(ROTATE, { input: { id: webhook.id, gracePeriodSeconds: 0 } }, { token: alice.token });
    expect(immediate.data.rotateWebhookSecret.webhook.previousSecretExpiresAt).toBeNull();
    const tooLong = await test.gql(ROTATE, { input: { id: webhook.id, gracePeriodSeconds: 10_000_000 } }, { token: alice.token });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "gracePeriodSeconds" });
  });

  it("deletes a webhook with its log", async () => {
    const { webhook } = await createWebhook(test, alice.token, { url: URL_OK });
    await test.gql(SEND_TEST, { input: { id: webhook.id } }, { token: alice.token });
    const deleted = await test.gql(DELETE, { input: { id: webhook.id } }, { token: alice.token });
    expect(deleted.data.deleteWebhook.deletedId).toBe(webhook.id);
    expect((await test.gql(NODE, { id: webhook.id }, { token: alice.token })).data.node).toBeNull();
    expect((await test.gql(DELETE, { input: { id: webhook.id } }, { token: alice.token })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("refuses a malformed or wrongly typed ID with BAD_USER_INPUT", async () => {
    expect((await test.gql(DELETE, { input: { id: "nope" } }, { token: alice.token })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "id",
    });
    const { webhook } = await createWebhook(test, alice.token, { url: URL_OK });
    const asDelivery = await test.gql(REDELIVER, { input: { id: webhook.id } }, { token: alice.token });
    expect(asDelivery.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });
});

describe("an API key", () => {
  const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
  const key = async (scopes: string[]) =>
    (await test.gql(CREATE_KEY, { input: { name: `k-${scopes.join("-")}`, scopes } }, { token: alice.token })).data.createApiKey.secret as string;

  it("manages webhooks only with the WEBHOOKS_MANAGE scope", async () => {
    const { webhook } = await createWebhook(test, alice.token, { url: URL_OK });
    const linksOnly = await key(["LINKS_READ", "LINKS_WRITE"]);
    const create = await test.gql(CREATE_WEBHOOK, { input: { url: URL_OK, events: ["LINK_CREATED"] } }, { token: linksOnly });
    expect(create.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", scope: "WEBHOOKS_MANAGE" });
    expect((await test.gql(LIST, {}, { token: linksOnly })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await test.gql(NODE, { id: webhook.id }, { token: linksOnly })).data?.node ?? null).toBeNull();

    const manager = await key(["WEBHOOKS_MANAGE"]);
    const created = await test.gql(CREATE_WEBHOOK, { input: { url: URL_OK, events: ["LINK_CREATED"] } }, { token: manager });
    expect(created.data.createWebhook.secret).toMatch(/^whsec_/);
    const listed = await test.gql(LIST, {}, { token: manager });
    expect(listed.data.webhooks.edges.map((e: any) => e.node.id)).toEqual(
      expect.arrayContaining([webhook.id, created.data.createWebhook.webhook.id]),
    );
  });
});

describe("another user's webhook", () => {
  it("is invisible: not listed, not readable, and every mutation answers NOT_FOUND", async () => {
    const { webhook } = await createWebhook(test, alice.token, { url: URL_OK });
    const sent = await test.gql(SEND_TEST, { input: { id: webhook.id } }, { token: alice.token });
    const deliveryId = sent.data.sendTestWebhookEvent.delivery.id;
    expect(sent.data.sendTestWebhookEvent.delivery).toMatchObject({ eventType: "webhook.test", status: "PENDING" });

    const listed = await test.gql(LIST, {}, { token: bob.token });
    expect(listed.data.webhooks.edges.map((e: any) => e.node.id)).not.toContain(webhook.id);
    expect((await test.gql(NODE, { id: webhook.id }, { token: bob.token })).data.node).toBeNull();
    expect((await test.gql(NODE, { id: deliveryId }, { token: bob.token })).data.node).toBeNull();
    expect((await test.gql(NODE, { id: deliveryId }, { token: alice.token })).data.node).toMatchObject({ eventType: "webhook.test" });

    for (const [mutation, input] of [
      [UPDATE, { id: webhook.id, enabled: false }],
      [DELETE, { id: webhook.id }],
      [ROTATE, { id: webhook.id }],
      [SEND_TEST, { id: webhook.id }],
      [REDELIVER, { id: deliveryId }],
    ] as const) {
      const result = await test.gql(mutation, { input }, { token: bob.token });
      expect(result.errors?.[0]?.extensions?.code, mutation).toBe("NOT_FOUND");
    }
    expect((await test.gql(NODE, { id: webhook.id }, { token: alice.token })).data.node).toMatchObject({ url: URL_OK });
  });

  it("is visible to an admin, who may list every owner's webhooks", async () => {
    const { webhook } = await createWebhook(test, alice.token, { url: URL_OK });
    const admin = await signUpAdmin(test);
    expect((await test.gql(NODE, { id: webhook.id }, { token: admin.token })).data.node).toMatchObject({ url: URL_OK });
    const all = await test.gql(LIST, { allOwners: true }, { token: admin.token });
    expect(all.data.webhooks.edges.map((e: any) => e.node.id)).toContain(webhook.id);
    const notAdmin = await test.gql(LIST, { allOwners: true }, { token: bob.token });
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
