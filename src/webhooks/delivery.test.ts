import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestApp } from "../../tests/helpers/test-app.js";
import { createLink, createWebhook, deliveriesOf, startReceiver, startWebhookTestApp, until, type Receiver } from "../../tests/helpers/webhooks.js";
import { RESPONSE_BODY_LIMIT } from "./http-sender.js";

const receivers: Receiver[] = [];
async function receiver() {
  const started = await startReceiver();
  receivers.push(started);
  return started;
}
afterAll(async () => void (await Promise.all(receivers.map((r) => r.close()))));
afterEach(() => void vi.useRealTimers());

const SEND_TEST = `mutation ($input: SendTestWebhookEventInput!) { sendTestWebhookEvent(input: $input) { delivery { id } } }`;
const ROTATE = `mutation ($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { webhook { previousSecretExpiresAt } secret } }`;
const REDELIVER = `mutation ($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { delivery { id status } } }`;
const UPDATE_WEBHOOK = `mutation ($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { enabled consecutiveFailures disabledReason } } }`;
const UPDATE_LINK = `mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { link { id } } }`;
const DELETE_LINK = `mutation ($input: DeleteLinkInput!) { deleteLink(input: $input) { deletedId } }`;

const gapsBetween = (requests: Array<{ at: number }>) => requests.slice(1).map((r, i) => r.at - requests[i]!.at);

async function waitForDelivery(test: TestApp, token: string, webhookId: string, done: (d: any) => boolean, timeoutMs = 15_000) {
  let last: Awaited<ReturnType<typeof deliveriesOf>> | undefined;
  await until(
    async () => {
      last = await deliveriesOf(test, token, webhookId);
      return last.deliveries.length > 0 && done(last.deliveries[0]);
    },
    timeoutMs,
    () => JSON.stringify(last),
  );
  return last!;
}

describe("deliveries (default settings: retries from 300 ms)", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startWebhookTestApp();
    ({ token } = await test.signUp());
  });
  afterAll(() => test?.close());

  it("a partner registers an endpoint, creates a link and receives a verifiable signed event", async () => {
    const endpoint = await receiver();
    const { webhook, secret } = await createWebhook(test, token, { url: endpoint.url, events: ["LINK_CREATED"] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const link = await createLink(test, token);

    const [request] = await endpoint.waitFor(1);
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/hooks");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    const event = new StandardWebhook(secret).verify(request!.body, request!.headers) as any;
    expect(event).toMatchObject({
      id: request!.headers["webhook-id"],
      type: "link.created",
      data: { link: { id: link.id, slug: link.slug, url: link.url } },
    });
    expect(Object.keys(event)).toEqual(["id", "type", "createdAt", "data"]);
    expect(Date.parse(event.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const log = await waitForDelivery(test, token, webhook.id, (d) => d.status === "DELIVERED");
    expect(log.deliveries[0]).toMatchObject({
      eventId: event.id,
      eventType: "link.created",
      status: "DELIVERED",
      attempts: 1,
      responseStatus: 204,
      nextAttemptAt: null,
      inFlight: false,
    });
    expect(log.deliveries[0].latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("a wrong secret, a replayed old timestamp or a refreshed timestamp fail verification", async () => {
    const endpoint = await receiver();
    const { secret } = await createWebhook(test, token, { url: endpoint.url });
    const other = await createWebhook(test, token, { url: "https://other.example.com/hook" });
    await createLink(test, token);
    const [request] = await endpoint.waitFor(1);

    expect(() => new StandardWebhook(other.secret).verify(request!.body, request!.headers)).toThrow("No matching signature found");
    const refreshed = { ...request!.headers, "webhook-timestamp": String(Math.floor(Date.now() / 1000) + 1) };
    expect(() => new StandardWebhook(secret).verify(request!.body, refreshed)).toThrow("No matching signature found");
    expect(() => new StandardWebhook(secret).verify(request!.body.replace("link.created", "link.deleted"), request!.headers)).toThrow();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    expect(() => new StandardWebhook(secret).verify(request!.body, request!.headers)).toThrow("Message timestamp too old");
  });

  it("delivers only the events a webhook subscribes to, to its owner's links only", async () => {
    const endpoint = await receiver();
    await createWebhook(test, token, { url: endpoint.url, events: ["LINK_UPDATED", "LINK_DELETED"] });
    const stranger = await test.signUp();
    await createLink(test, stranger.token);
    const link = await createLink(test, token);
    await test.gql(UPDATE_LINK, { input: { id: link.id, title: "Renamed" } }, { token });
    await test.gql(DELETE_LINK, { input: { id: link.id } }, { token });
    const requests = await endpoint.waitFor(2);
    const events = requests.map((r) => JSON.parse(r.body)).sort((a, b) => a.type.localeCompare(b.type));
    expect(events.map((e) => [e.type, e.data.link.id])).toEqual([
      ["link.deleted", link.id],
      ["link.updated", link.id],
    ]);
    expect(events[1].data.link.title).toBe("Renamed");
  });

  it("retries a 500 with growing, jittered waits, then records the success", async () => {
    const endpoint = await receiver();
    endpoint.reply((_r, index) => (index < 2 ? { status: 500, body: "database down" } : { status: 200, body: "ok" }));
    const { webhook } = await createWebhook(test, token, { url: endpoint.url });
    await createLink(test, token);
    const requests = await endpoint.waitFor(3);
    expect(new Set(requests.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const [first, second] = gapsBetween(requests);
    expect(first).toBeGreaterThanOrEqual(300 * 0.75 - 5);
    expect(second).toBeGreaterThanOrEqual(600 * 0.75 - 5);

    const { deliveries } = await waitForDelivery(test, token, webhook.id, (d) => d.status === "DELIVERED");
    expect(deliveries[0]).toMatchObject({ attempts: 3, responseStatus: 200, error: null });
    expect(deliveries[0].attemptLog.map((a: any) => [a.number, a.responseStatus, a.error])).toEqual([
      [3, 200, null],
      [2, 500, "HTTP 500"],
      [1, 500, "HTTP 500"],
    ]);
  });

  it("honours Retry-After on 429, showing the next retry in the log", async () => {
    const endpoint = await receiver();
    endpoint.reply((_r, index) => (index === 0 ? { status: 429, headers: { "retry-after": "2" } } : { status: 200 }));
    const { webhook } = await createWebhook(test, token, { url: endpoint.url });
    await createLink(test, token);
    await endpoint.waitFor(1);
    const waiting = await waitForDelivery(test, token, webhook.id, (d) => d.attempts === 1 && d.nextAttemptAt !== null);
    expect(waiting.deliveries[0]).toMatchObject({ status: "PENDING", responseStatus: 429, error: "HTTP 429" });
    expect(Date.parse(waiting.deliveries[0].nextAttemptAt) - Date.parse(waiting.deliveries[0].attemptLog[0].startedAt)).toBeGreaterThanOrEqual(1900);
    const requests = await endpoint.waitFor(2);
    expect(gapsBetween(requests)[0]).toBeGreaterThanOrEqual(1950);
  });

  it("does not retry a 400, and redelivers on request with the same event id", async () => {
    const endpoint = await receiver();
    endpoint.reply((_r, index) => (index === 0 ? { status: 400, body: "unknown field" } : { status: 200 }));
    const { webhook } = await createWebhook(test, token, { url: endpoint.url });
    await createLink(test, token);
    const failed = await waitForDelivery(test, token, webhook.id, (d) => d.status === "FAILED");
    expect(failed.deliveries[0]).toMatchObject({ attempts: 1, responseStatus: 400, error: "HTTP 400", nextAttemptAt: null });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // well past the first retry's 225–375 ms
    expect(endpoint.requests).toHaveLength(1);

    const redelivered = await test.gql(REDELIVER, { input: { id: failed.deliveries[0].id } }, { token });
    expect(redelivered.data.redeliverWebhookDelivery.delivery.status).toBe("PENDING");
    const requests = await endpoint.waitFor(2);
    expect(requests[1]!.headers["webhook-id"]).toBe(requests[0]!.headers["webhook-id"]);
    expect(requests[1]!.body).toBe(requests[0]!.body);
    const done = await waitForDelivery(test, token, webhook.id, (d) => d.status === "DELIVERED");
    expect(done.deliveries[0]).toMatchObject({ attempts: 2, responseStatus: 200 });
  });

  it("does not follow redirects, and keeps only the start of a long answer", async () => {
    const target = await receiver();
    const redirecting = await receiver();
    redirecting.reply(() => ({ status: 302, headers: { location: target.url } }));
    const chatty = await receiver();
    chatty.reply(() => ({ status: 200, body: "x".repeat(50_000) }));
    const moved = await createWebhook(test, token, { url: redirecting.url });
    const verbose = await createWebhook(test, token, { url: chatty.url });
    await createLink(test, token);

    const redirect = await waitForDelivery(test, token, moved.webhook.id, (d) => d.status === "FAILED");
    expect(redirect.deliveries[0]).toMatchObject({ responseStatus: 302, attempts: 1 });
    expect(redirect.deliveries[0].error).toContain("redirects are not followed");
    expect(target.requests).toHaveLength(0);

    await waitForDelivery(test, token, verbose.webhook.id, (d) => d.status === "DELIVERED");
    const attempt = await test.app.services.db.webhookDeliveryAttempt.findFirstOrThrow({
      where: { delivery: { webhookId: Buffer.from(verbose.webhook.id, "base64url").toString().split(":")[1]! } },
    });
    expect(attempt.responseBody).toHaveLength(RESPONSE_BODY_LIMIT);
  });

  it("signs with both secrets during a rotation's grace period, then with the new one only", async () => {
    const endpoint = await receiver();
    const { webhook, secret: oldSecret } = await createWebhook(test, token, { url: endpoint.url });
    const rotated = await test.gql(ROTATE, { input: { id: webhook.id, gracePeriodSeconds: 3 } }, { token });
    const newSecret: string = rotated.data.rotateWebhookSecret.secret;
    await test.gql(SEND_TEST, { input: { id: webhook.id } }, { token });
    const [during] = await endpoint.waitFor(1);
    expect(during!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new StandardWebhook(newSecret).verify(during!.body, during!.headers)).toMatchObject({ type: "webhook.test" });
    expect(new StandardWebhook(oldSecret).verify(during!.body, during!.headers)).toMatchObject({ type: "webhook.test" });

    const graceEnds = Date.parse(rotated.data.rotateWebhookSecret.webhook.previousSecretExpiresAt);
    await until(() => Date.now() > graceEnds + 50, 5_000);
    await test.gql(SEND_TEST, { input: { id: webhook.id } }, { token });
    const [, after] = await endpoint.waitFor(2);
    expect(after!.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(new StandardWebhook(newSecret).verify(after!.body, after!.headers)).toMatchObject({ type: "webhook.test" });
    expect(() => new StandardWebhook(oldSecret).verify(after!.body, after!.headers)).toThrow("No matching signature found");
  });
});

describe("deliveries to a failing endpoint (1.5 s timeout, 3 attempts, disabled after 4 failures)", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startWebhookTestApp({
      WEBHOOK_TIMEOUT_MS: "1500",
      WEBHOOK_MAX_ATTEMPTS: "3",
      WEBHOOK_DISABLE_AFTER_FAILURES: "4",
      WEBHOOK_DISABLE_AFTER_MS: "0",
    });
    ({ token } = await test.signUp());
  });
  afterAll(() => test?.close());

  it("retries after a timeout", async () => {
    const endpoint = await receiver();
    endpoint.reply((_r, index) => (index === 0 ? { hang: true } : { status: 200 }));
    const { webhook } = await createWebhook(test, token, { url: endpoint.url });
    await createLink(test, token);
    const { deliveries } = await waitForDelivery(test, token, webhook.id, (d) => d.status === "DELIVERED");
    expect(deliveries[0].attemptLog.map((a: any) => [a.number, a.responseStatus, a.error])).toEqual([
      [2, 200, null],
      [1, null, "Timed out after 1500 ms"],
    ]);
    expect(deliveries[0].attemptLog[1].latencyMs).toBeGreaterThanOrEqual(1490);
  });

  it("gives up after the last attempt", async () => {
    const endpoint = await receiver();
    endpoint.reply(() => ({ status: 503 }));
    const { webhook } = await createWebhook(test, token, { url: endpoint.url });
    await createLink(test, token);
    const { deliveries, webhook: state } = await waitForDelivery(test, token, webhook.id, (d) => d.status === "FAILED");
    expect(deliveries[0]).toMatchObject({ attempts: 3, responseStatus: 503, nextAttemptAt: null });
    expect(endpoint.requests).toHaveLength(3);
    expect(state).toMatchObject({ enabled: true, consecutiveFailures: 3 });
  });

  it("disables an endpoint after repeated failures, says why, and resumes when enabled again", async () => {
    const endpoint = await receiver();
    endpoint.reply(() => ({ status: 500 }));
    const { webhook } = await createWebhook(test, token, { url: endpoint.url });
    await createLink(test, token);
    await createLink(test, token);
    let state: Awaited<ReturnType<typeof deliveriesOf>> | undefined;
    await until(
      async () => !(state = await deliveriesOf(test, token, webhook.id)).webhook.enabled,
      15_000,
      () => JSON.stringify(state),
    );
    expect(state!.webhook.disabledReason).toMatch(/^Disabled automatically after 4 consecutive failed attempts since .*Z\. Last error: HTTP 500$/);
    expect(state!.webhook.disabledAt).not.toBeNull();
    expect(state!.deliveries.map((d: any) => d.status)).toEqual(["PENDING", "PENDING"]);

    // While disabled: nothing is sent, and new events are not queued for it.
    await createLink(test, token);
    const sent = endpoint.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(endpoint.requests).toHaveLength(sent);
    expect((await deliveriesOf(test, token, webhook.id)).deliveries).toHaveLength(2);

    endpoint.reply(() => ({ status: 200 }));
    const enabled = await test.gql(UPDATE_WEBHOOK, { input: { id: webhook.id, enabled: true } }, { token });
    expect(enabled.data.updateWebhook.webhook).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
    await until(async () => (await deliveriesOf(test, token, webhook.id)).deliveries.every((d: any) => d.status === "DELIVERED"));
  });
});

describe("click milestones (thresholds 3 and 5)", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startWebhookTestApp({ WEBHOOK_CLICK_MILESTONES: "5,3" });
    ({ token } = await test.signUp());
  });
  afterAll(() => test?.close());

  it("sends link.clicks.milestone once a link's stored click count reaches each threshold", async () => {
    const endpoint = await receiver();
    const { secret } = await createWebhook(test, token, { url: endpoint.url, events: ["LINK_CLICKS_MILESTONE"] });
    const link = await createLink(test, token);
    const browser = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36" };
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${test.baseUrl}/${link.slug}`, { redirect: "manual", headers: browser });
      expect(response.status).toBe(302);
    }
    const requests = await endpoint.waitFor(2);
    const events = requests
      .map((r) => new StandardWebhook(secret).verify(r.body, r.headers) as any)
      .sort((a, b) => a.data.milestone - b.data.milestone);
    expect(events.map((e) => [e.type, e.data.milestone, e.data.link.id])).toEqual([
      ["link.clicks.milestone", 3, link.id],
      ["link.clicks.milestone", 5, link.id],
    ]);
    expect(events[0].data.clickCount).toBeGreaterThanOrEqual(3);
  });
});

describe("the SSRF guard at delivery time (no allow-list)", () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startWebhookTestApp({ WEBHOOK_ALLOWED_HOSTS: "" });
    ({ token } = await test.signUp());
  });
  afterAll(() => test?.close());

  it("refuses a host that now resolves to loopback, and an address that became off-limits", async () => {
    const endpoint = await receiver();
    // Registered while allowed (or before DNS changed); the guard decides when sending.
    const byName = await createWebhook(test, token, { url: "https://hooks.partner.example/in" });
    const byAddress = await createWebhook(test, token, { url: "https://hooks.partner.example/in" });
    const idOf = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;
    await test.app.services.db.webhook.update({ where: { id: idOf(byName.webhook.id) }, data: { url: `http://localhost:${endpoint.port}/hooks` } });
    await test.app.services.db.webhook.update({
      where: { id: idOf(byAddress.webhook.id) },
      data: { url: `http://127.0.0.1:${endpoint.port}/hooks` },
    });
    await createLink(test, token);

    const name = await waitForDelivery(test, token, byName.webhook.id, (d) => d.status === "FAILED");
    expect(name.deliveries[0]).toMatchObject({ attempts: 1, responseStatus: null });
    expect(name.deliveries[0].error).toMatch(/^Refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/);
    const address = await waitForDelivery(test, token, byAddress.webhook.id, (d) => d.status === "FAILED");
    expect(address.deliveries[0].error).toBe("Refused: 127.0.0.1 is a loopback address");
    expect(endpoint.requests).toHaveLength(0);
  });
});
