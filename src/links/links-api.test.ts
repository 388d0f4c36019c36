import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_PUBLIC_BASE_URL, type TestApp } from "../../tests/helpers/test-app.js";
import { signUpAdmin } from "../../tests/helpers/users.js";

let test: TestApp;
let alice: { token: string; userId: string; email: string };
let bob: { token: string; userId: string };

const LINK_FIELDS = `id slug url shortUrl title tags redirectType expiresAt maxClicks fallbackUrl hasPassword status clickCount createdAt owner { id email }`;
const CREATE = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { ${LINK_FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { link { ${LINK_FIELDS} archivedAt } } }`;
const DELETE = `mutation ($input: DeleteLinkInput!) { deleteLink(input: $input) { deletedId } }`;
const BY_SLUG = `query ($slug: String!) { link(slug: $slug) { id slug url } }`;
const NODE = `query ($id: ID!) { node(id: $id) { id ... on Link { slug url } } }`;
const PAGE = `query ($first: Int, $after: String, $filter: LinkFilter) {
  links(first: $first, after: $after, filter: $filter) { edges { cursor node { id slug } } pageInfo { hasNextPage endCursor } } }`;

const create = async (token: string, input: Record<string, unknown>) => {
  const result = await test.gql(CREATE, { input: { url: "https://example.com/", ...input } }, { token });
  return result;
};

beforeAll(async () => {
  test = await startTestApp();
  alice = await test.signUp();
  bob = await test.signUp();
});
afterAll(() => test.close());

describe("createLink", () => {
  it("creates a link with every option and returns it", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const slug = `launch-${randomUUID().slice(0, 8)}`;
    const result = await create(alice.token, {
      url: "https://example.com/path?q=1#top",
      slug,
      title: "Launch",
      expiresAt,
      maxClicks: 10,
      fallbackUrl: "https://example.com/over",
      password: "secret pass",
      redirectType: "PERMANENT_REDIRECT",
      tags: ["launch", "q4", "launch"],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.createLink.link).toMatchObject({
      slug,
      url: "https://example.com/path?q=1#top",
      shortUrl: `${TEST_PUBLIC_BASE_URL}/${slug}`,
      title: "Launch",
      tags: ["launch", "q4"],
      redirectType: "PERMANENT_REDIRECT",
      expiresAt,
      maxClicks: 10,
      fallbackUrl: "https://example.com/over",
      hasPassword: true,
      status: "ACTIVE",
      clickCount: 0,
      owner: { id: alice.userId, email: alice.email },
    });
  });

  it("generates short random slugs when none is given", async () => {
    const slugs = new Set<string>();
    for (let i = 0; i < 20; i++) slugs.add((await create(alice.token, {})).data.createLink.link.slug);
    expect(slugs.size).toBe(20);
    for (const slug of slugs) expect(slug).toMatch(/^[0-9A-Za-z]{7}$/);
  });

  it("keeps generated slugs unique under concurrent creation", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => create(alice.token, {})));
    const slugs = results.map((r) => r.data.createLink.link.slug);
    expect(new Set(slugs).size).toBe(25);
  });

  it.each([
    ["url", { url: "javascript:alert(1)" }],
    ["url", { url: "data:text/html,hi" }],
    ["url", { url: "file:///etc/passwd" }],
    ["url", { url: "ftp://example.com/x" }],
    ["url", { url: "not a url" }],
    ["url", { url: "https://" }],
    ["url", { url: `https://example.com/${"a".repeat(2048)}` }],
    ["url", { url: "https://user:pass@example.com/" }],
    ["url", { url: `${TEST_PUBLIC_BASE_URL}/loop` }],
    ["fallbackUrl", { fallbackUrl: "javascript:alert(1)" }],
    ["slug", { slug: "has space" }],
    ["slug", { slug: "ünïcode" }],
    ["slug", { slug: "x".repeat(65) }],
    ["slug", { slug: "" }],
    ["slug", { slug: "graphql" }],
    ["slug", { slug: "HealthZ" }],
    ["maxClicks", { maxClicks: 0 }],
    ["expiresAt", { expiresAt: new Date(Date.now() - 60_000).toISOString() }],
    ["title", { title: "t".repeat(201) }],
    ["tags", { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ["tags[0]", { tags: [""] }],
    ["password", { password: "abc" }],
  ])("refuses a bad %s with BAD_USER_INPUT naming the field (%j)", async (field, input) => {
    const result = await create(alice.token, input);
    expect(result.status).toBe(200);
    expect(result.data.createLink).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("refuses a wrongly typed variable with BAD_USER_INPUT", async () => {
    const result = await create(alice.token, { maxClicks: "ten" });
    expect(result.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a slug that is taken with CONFLICT", async () => {
    const slug = `taken-${randomUUID().slice(0, 8)}`;
    await create(alice.token, { slug });
    const again = await create(bob.token, { slug });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "slug" });
  });

  it("treats slugs as case-sensitive", async () => {
    const slug = `Case${randomUUID().slice(0, 8)}`;
    expect((await create(alice.token, { slug })).errors).toBeUndefined();
    expect((await create(alice.token, { slug: slug.toLowerCase() })).errors).toBeUndefined();
  });

  it("requires authentication", async () => {
    const result = await test.gql(CREATE, { input: { url: "https://example.com" } });
    expect(result.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("Idempotency-Key", () => {
  const withKey = (key: string, input: Record<string, unknown>, token = alice.token) =>
    test.gql(CREATE, { input: { url: "https://example.com/idem", ...input } }, { token, headers: { "Idempotency-Key": key } });

  it("replays the same link for the same key and body, without a second link", async () => {
    const key = randomUUID();
    const first = await withKey(key, { title: "once" });
    const second = await withKey(key, { title: "once" });
    expect(second.data.createLink.link.id).toBe(first.data.createLink.link.id);
    expect(await test.app.services.db.link.count({ where: { title: "once", url: "https://example.com/idem" } })).toBe(1);
  });

  it("creates one link when the same request races", async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => withKey(key, { title: `race-${key}` })));
    const ids = new Set(results.map((r) => r.data.createLink?.link.id));
    expect(ids.size).toBe(1);
    expect(await test.app.services.db.link.count({ where: { title: `race-${key}` } })).toBe(1);
  });

  it("answers CONFLICT for the same key with a different body", async () => {
    const key = randomUUID();
    await withKey(key, { title: "first body" });
    const other = await withKey(key, { title: "second body" });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "Idempotency-Key" });
  });

  it("scopes keys per user", async () => {
    const key = randomUUID();
    const mine = await withKey(key, { title: "per user" });
    const theirs = await withKey(key, { title: "per user" }, bob.token);
    expect(theirs.data.createLink.link.id).not.toBe(mine.data.createLink.link.id);
  });

  it("refuses a malformed key", async () => {
    const result = await withKey("x".repeat(300), {});
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "Idempotency-Key" });
  });
});

describe("ownership", () => {
  let link: { id: string; slug: string };
  beforeAll(async () => {
    link = (await create(alice.token, { url: "https://example.com/alice" })).data.createLink.link;
  });

  it("hides a link from another user: link, node, update and delete all answer NOT_FOUND", async () => {
    const bySlug = await test.gql(BY_SLUG, { slug: link.slug }, { token: bob.token });
    expect(bySlug.data.link).toBeNull();
    expect(bySlug.errors?.[0]?.extensions.code).toBe("NOT_FOUND");

    const node = await test.gql(NODE, { id: link.id }, { token: bob.token });
    expect(node.data.node).toBeNull();

    const update = await test.gql(UPDATE, { input: { id: link.id, url: "https://evil.example/" } }, { token: bob.token });
    expect(update.data.updateLink).toBeNull();
    expect(update.errors?.[0]?.extensions.code).toBe("NOT_FOUND");

    const del = await test.gql(DELETE, { input: { id: link.id } }, { token: bob.token });
    expect(del.data.deleteLink).toBeNull();
    expect(del.errors?.[0]?.extensions.code).toBe("NOT_FOUND");

    const page = await test.gql(PAGE, { first: 100 }, { token: bob.token });
    expect(page.data.links.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(link.id);

    const stored = await test.app.services.db.link.findFirstOrThrow({ where: { slug: link.slug } });
    expect(stored.url).toBe("https://example.com/alice");
  });

  it("lets the owner read it by slug and by node id", async () => {
    expect((await test.gql(BY_SLUG, { slug: link.slug }, { token: alice.token })).data.link.url).toBe("https://example.com/alice");
    expect((await test.gql(NODE, { id: link.id }, { token: alice.token })).data.node.slug).toBe(link.slug);
  });

  it("lets an admin see and change anyone's link, and list every owner's links", async () => {
    const admin = await signUpAdmin(test);
    expect((await test.gql(BY_SLUG, { slug: link.slug }, { token: admin.token })).data.link.id).toBe(link.id);
    const all = await test.gql(PAGE, { first: 100, filter: { allOwners: true } }, { token: admin.token });
    expect(all.errors).toBeUndefined();
    expect(all.data.links.edges.length).toBeGreaterThan(0);
    const updated = await test.gql(UPDATE, { input: { id: link.id, title: "moderated" } }, { token: admin.token });
    expect(updated.data.updateLink.link.title).toBe("moderated");
  });

  it("refuses allOwners to a non-admin with FORBIDDEN", async () => {
    const result = await test.gql(PAGE, { filter: { allOwners: true } }, { token: bob.token });
    expect(result.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("answers BAD_USER_INPUT for a malformed id or an id of another type", async () => {
    const malformed = await test.gql(DELETE, { input: { id: "nonsense" } }, { token: alice.token });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const userId = await test.gql(DELETE, { input: { id: alice.userId } }, { token: alice.token });
    expect(userId.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });
});

describe("updateLink and deleteLink", () => {
  it("changes only the fields sent, and null clears optional ones", async () => {
    const link = (await create(alice.token, { title: "keep me", maxClicks: 5, password: "secret pass" })).data.createLink.link;
    const result = await test.gql(
      UPDATE,
      { input: { id: link.id, url: "https://example.com/v2", maxClicks: null, password: null } },
      { token: alice.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.updateLink.link).toMatchObject({ url: "https://example.com/v2", title: "keep me", maxClicks: null, hasPassword: false });
  });

  it("archives and unarchives", async () => {
    const link = (await create(alice.token, {})).data.createLink.link;
    const archived = await test.gql(UPDATE, { input: { id: link.id, archived: true } }, { token: alice.token });
    expect(archived.data.updateLink.link.status).toBe("ARCHIVED");
    expect(archived.data.updateLink.link.archivedAt).not.toBeNull();
    const live = await test.gql(UPDATE, { input: { id: link.id, archived: false } }, { token: alice.token });
    expect(live.data.updateLink.link.status).toBe("ACTIVE");
  });

  it("validates like createLink", async () => {
    const link = (await create(alice.token, {})).data.createLink.link;
    const result = await test.gql(UPDATE, { input: { id: link.id, url: "javascript:alert(1)" } }, { token: alice.token });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
  });

  it("deletes, after which the link is gone", async () => {
    const link = (await create(alice.token, {})).data.createLink.link;
    const result = await test.gql(DELETE, { input: { id: link.id } }, { token: alice.token });
    expect(result.data.deleteLink.deletedId).toBe(link.id);
    const again = await test.gql(DELETE, { input: { id: link.id } }, { token: alice.token });
    expect(again.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });
});

describe("links connection", () => {
  let carol: { token: string };
  beforeAll(async () => {
    carol = await test.signUp();
  });

  it("pages newest first, and pages stay stable while links are inserted", async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await create(carol.token, { title: `p${i}` })).data.createLink.link.id);
    const newestFirst = [...created].reverse();

    const page1 = (await test.gql(PAGE, { first: 3 }, { token: carol.token })).data.links;
    expect(page1.edges.map((e: any) => e.node.id)).toEqual(newestFirst.slice(0, 3));
    expect(page1.pageInfo.hasNextPage).toBe(true);

    await create(carol.token, { title: "inserted meanwhile" });

    const page2 = (await test.gql(PAGE, { first: 3, after: page1.pageInfo.endCursor }, { token: carol.token })).data.links;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual(newestFirst.slice(3, 6));
    const page3 = (await test.gql(PAGE, { first: 3, after: page2.pageInfo.endCursor }, { token: carol.token })).data.links;
    expect(page3.edges.map((e: any) => e.node.id)).toEqual(newestFirst.slice(6));
    expect(page3.pageInfo.hasNextPage).toBe(false);
  });

  it("filters by tag, search and archived state", async () => {
    const dave = await test.signUp();
    const tagged = (await create(dave.token, { tags: ["blue"], title: "Sky" })).data.createLink.link;
    const other = (await create(dave.token, { tags: ["red"], url: "https://example.com/Needle" })).data.createLink.link;
    const archived = (await create(dave.token, { tags: ["blue"] })).data.createLink.link;
    await test.gql(UPDATE, { input: { id: archived.id, archived: true } }, { token: dave.token });
    const ids = async (filter: object) => (await test.gql(PAGE, { filter }, { token: dave.token })).data.links.edges.map((e: any) => e.node.id);
    expect(await ids({ tags: ["blue"] })).toEqual([tagged.id]);
    expect(await ids({ search: "needle" })).toEqual([other.id]);
    expect(await ids({ archived: true })).toEqual([archived.id]);
  });

  it("refuses a malformed cursor with BAD_USER_INPUT", async () => {
    const result = await test.gql(PAGE, { after: "garbage" }, { token: carol.token });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("loads a page of 50 links with their owners in a bounded number of statements", async () => {
    const erin = await test.signUp();
    const measure = async () =>
      test.countStatements(() =>
        test.gql(`{ links(first: 50) { edges { node { id slug clickCount owner { id email } } } } }`, {}, { token: erin.token }),
      );
    for (let i = 0; i < 5; i++) await create(erin.token, {});
    const small = await measure();
    for (let i = 0; i < 45; i++) await create(erin.token, {});
    const full = await measure();
    expect(full.result.data.links.edges).toHaveLength(50);
    expect(full.result.data.links.edges.every((e: any) => e.node.owner.email === erin.email)).toBe(true);
    // The actor (account, personal workspace, roles: one statement), the links, their owners.
    expect(full.count).toBeLessThanOrEqual(3);
    expect(full.count).toBe(small.count);
  });
});
