import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../tests/helpers/test-app.js";
import { createLink, createWebhook, startWebhookTestApp } from "../../tests/helpers/webhooks.js";
import { recordClickMilestones } from "./click-milestones.js";
import { pruneDeliveries } from "./delivery-store.js";
import { linkEvent } from "./link-events.js";
import { enqueueWebhookEvents } from "./outbox.js";
import { personalWorkspaceId } from "../workspaces/personal-workspace.js";

// The worker is off here: these tests look at the outbox rows themselves.
let test: TestApp;
let token: string;
let userId: string;
const rawId = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;

beforeAll(async () => {
  test = await startWebhookTestApp({ WEBHOOK_WORKER: "false", WEBHOOK_CLICK_MILESTONES: "10,100,1000" });
  const user = await test.signUp();
  token = user.token;
  userId = rawId(user.userId);
});
afterAll(() => test?.close());

const outboxOf = (webhookId: string) =>
  test.app.services.db.webhookDelivery.findMany({ where: { webhookId: rawId(webhookId) }, orderBy: { createdAt: "asc" } });

describe("the outbox", () => {
  it("gets one event per link change, written with the change; a change that fails writes none", async () => {
    const { webhook } = await createWebhook(test, token, {
      url: "https://hooks.example.com/a",
      events: ["LINK_CREATED", "LINK_UPDATED", "LINK_DELETED"],
    });
    const link = await createLink(test, token, { slug: `outbox-${Date.now()}` });
    const taken = await test.gql(
      `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id } } }`,
      { input: { url: "https://example.com", slug: link.slug } },
      { token },
    );
    expect(taken.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const badUpdate = await test.gql(
      `mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { link { id } } }`,
      { input: { id: link.id, url: "nope" } },
      { token },
    );
    expect(badUpdate.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await outboxOf(webhook.id)).map((d) => d.eventType)).toEqual(["link.created"]);
  });

  it("commits the event with the link or not at all", async () => {
    const { webhook } = await createWebhook(test, token, { url: "https://hooks.example.com/b" });
    const { db, config } = test.app.services;
    await expect(
      db.$transaction(async (tx) => {
        const link = await tx.link.create({
          data: {
            ownerId: userId,
            workspaceId: await personalWorkspaceId(tx, userId),
            slug: `rolled-back-${Date.now()}`,
            url: "https://example.com",
          },
        });
        expect(await enqueueWebhookEvents(tx, [linkEvent("LINK_CREATED", link, config.publicBaseUrl)])).toBeGreaterThanOrEqual(1);
        throw new Error("crash before commit");
      }),
    ).rejects.toThrow("crash before commit");
    expect(await outboxOf(webhook.id)).toEqual([]);
  });

  it("replays an Idempotency-Key without a second event", async () => {
    const { webhook } = await createWebhook(test, token, { url: "https://hooks.example.com/c" });
    const headers = { "idempotency-key": `key-${Date.now()}` };
    const create = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id } } }`;
    const first = await test.gql(create, { input: { url: "https://example.com/once" } }, { token, headers });
    const again = await test.gql(create, { input: { url: "https://example.com/once" } }, { token, headers });
    expect(again.data.createLink.link.id).toBe(first.data.createLink.link.id);
    expect(await outboxOf(webhook.id)).toHaveLength(1);
  });

  it("queues link.clicks.milestone for every threshold a click-count write crosses", async () => {
    const { webhook } = await createWebhook(test, token, { url: "https://hooks.example.com/d", events: ["LINK_CLICKS_MILESTONE"] });
    const link = await createLink(test, token);
    const { db, config } = test.app.services;
    const addClicks = (n: number) =>
      db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<Array<{ clickCount: number }>>`
          UPDATE "Link" SET "clickCount" = "clickCount" + ${n}::int WHERE id = ${rawId(link.id)}::uuid RETURNING "clickCount"`;
        const clickCount = row!.clickCount;
        return recordClickMilestones(tx, config, [{ linkId: rawId(link.id), previousCount: clickCount - n, clickCount }]);
      });
    expect(await addClicks(9)).toBe(0);
    expect(await addClicks(1)).toBe(1); // 10
    expect(await addClicks(5)).toBe(0);
    expect(await addClicks(1000)).toBe(2); // 1015: crosses 100 and 1000
    const events = (await outboxOf(webhook.id)).map((d) => JSON.parse(d.body));
    expect(events.map((e) => [e.type, e.data.milestone, e.data.clickCount])).toEqual(
      expect.arrayContaining([
        ["link.clicks.milestone", 10, 10],
        ["link.clicks.milestone", 100, 1015],
        ["link.clicks.milestone", 1000, 1015],
      ]),
    );
    expect(events).toHaveLength(3);
    expect(events[0].data.link).toMatchObject({ id: link.id, slug: link.slug });
  });

  it("prunes deliveries older than the retention", async () => {
    const { webhook } = await createWebhook(test, token, { url: "https://hooks.example.com/e" });
    await createLink(test, token);
    await createLink(test, token);
    const [old] = await outboxOf(webhook.id);
    await test.app.services.db.webhookDelivery.update({ where: { id: old!.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await pruneDeliveries(test.app.services.db, 30)).toBeGreaterThanOrEqual(1);
    expect((await outboxOf(webhook.id)).map((d) => d.id)).not.toContain(old!.id);
    expect(await outboxOf(webhook.id)).toHaveLength(1);
  });
});
