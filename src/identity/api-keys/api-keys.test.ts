import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../tests/helpers/test-app.js";
import { signUpAdmin } from "../../../tests/helpers/users.js";
import { decodeGlobalId } from "../../graphql/global-id.js";
import { hashApiKey } from "./api-key-format.js";

const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id name scopes prefix status expiresAt lastUsedAt } secret } }`;
const REVOKE = `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id status revokedAt } } }`;
const LIST = `query ($includeRevoked: Boolean) { apiKeys(first: 50, includeRevoked: $includeRevoked) { edges { node { id name prefix scopes status } } } }`;
const ME = `{ me { id email } }`;
const LINKS = `{ links(first: 5) { edges { node { id } } } }`;
const CREATE_LINK = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug } } }`;

let test: TestApp;
let owner: Awaited<ReturnType<TestApp["signUp"]>>;

beforeAll(async () => {
  test = await startTestApp();
  owner = await test.signUp();
});
afterAll(() => test.close());

async function createKey(input: Record<string, unknown>, token = owner.token) {
  const result = await test.gql(CREATE, { input: { name: "CI", scopes: ["LINKS_READ"], ...input } }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.createApiKey as { apiKey: { id: string; prefix: string; scopes: string[]; status: string }; secret: string };
}

describe("createApiKey", () => {
  it("returns the secret once, with a recognisable prefix, and stores only its hash", async () => {
    const { apiKey, secret } = await createKey({ name: "  deploy bot ", scopes: ["LINKS_READ", "LINKS_WRITE", "LINKS_READ"] });
    expect(secret).toMatch(/^lgk_[0-9A-Za-z]{8}_[\w-]{43}$/);
    expect(secret.startsWith(`${apiKey.prefix}_`)).toBe(true);
    expect(apiKey).toMatchObject({ name: "deploy bot", scopes: ["LINKS_READ", "LINKS_WRITE"], status: "ACTIVE", expiresAt: null, lastUsedAt: null });

    const stored = await test.app.services.db.apiKey.findUniqueOrThrow({ where: { id: decodeGlobalId(apiKey.id).id } });
    expect(stored.secretHash).toBe(hashApiKey(secret));
    expect(JSON.stringify(stored)).not.toContain(secret.slice(13));
    // Listing never shows it again.
    const listed = await test.gql(LIST, {}, { token: owner.token });
    expect(JSON.stringify(listed.data)).not.toContain(secret.slice(13));
    expect(listed.data.apiKeys.edges.map((e: any) => e.node.id)).toContain(apiKey.id);
  });

  it.each([
    [{ name: "" }, "name"],
    [{ name: "x".repeat(101) }, "name"],
    [{ scopes: [] }, "scopes"],
    [{ expiresAt: new Date(Date.now() - 60_000).toISOString() }, "expiresAt"],
  ])("refuses %j with BAD_USER_INPUT on %s", async (input, field) => {
    const result = await test.gql(CREATE, { input: { name: "ok", scopes: ["LINKS_READ"], ...input } }, { token: owner.token });
    expect(result.data.createApiKey).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("refuses an unknown scope", async () => {
    const result = await test.gql(CREATE, { input: { name: "ok", scopes: ["EVERYTHING"] } }, { token: owner.token });
    expect(result.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("authenticating with an API key", () => {
  it("acts for its owner within its scopes", async () => {
    const { secret } = await createKey({ scopes: ["LINKS_READ"] });
    expect((await test.gql(ME, {}, { token: secret })).data.me).toEqual({ id: owner.userId, email: owner.email });
    expect((await test.gql(LINKS, {}, { token: secret })).errors).toBeUndefined();
    const write = await test.gql(CREATE_LINK, { input: { url: "https://example.com/k" } }, { token: secret });
    expect(write.data.createLink).toBeNull();
    expect(write.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", scope: "LINKS_WRITE" });
    expect(write.errors?.[0]?.message).toBe("This API key lacks the LINKS_WRITE scope");
  });

  it("never carries its owner's admin role", async () => {
    const admin = await signUpAdmin(test);
    const { secret } = await createKey({ scopes: ["LINKS_READ"] }, admin.token);
    const all = await test.gql(`{ links(first: 5, filter: { allOwners: true }) { edges { node { id } } } }`, {}, { token: secret });
    expect(all.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("records when it was last used, without the request waiting for it", async () => {
    const { apiKey, secret } = await createKey({});
    const before = Date.now();
    expect((await test.gql(ME, {}, { token: secret })).data.me.id).toBe(owner.userId);
    const id = decodeGlobalId(apiKey.id).id;
    let lastUsedAt: Date | null = null;
    for (const deadline = Date.now() + 5000; !lastUsedAt && Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      lastUsedAt = (await test.app.services.db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    }
    expect(lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  it.each([
    ["a malformed key", () => "lgk_nope"],
    ["an unknown key", () => "lgk_AAAAAAAA_" + "A".repeat(43)],
  ])("refuses %s with UNAUTHENTICATED", async (_case, key) => {
    const result = await test.gql(ME, {}, { token: key() });
    expect(result.errors?.[0]).toMatchObject({ message: "Invalid API key", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("refuses a key whose secret part was altered", async () => {
    const { secret } = await createKey({});
    const altered = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    expect((await test.gql(ME, {}, { token: altered })).errors?.[0]?.message).toBe("Invalid API key");
  });

  it("stops working once expired", async () => {
    const { apiKey, secret } = await createKey({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await test.gql(ME, {}, { token: secret })).data.me.id).toBe(owner.userId);
    await test.app.services.db.apiKey.update({ where: { id: decodeGlobalId(apiKey.id).id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await test.gql(ME, {}, { token: secret })).errors?.[0]).toMatchObject({
      message: "This API key has expired",
      extensions: { code: "UNAUTHENTICATED" },
    });
    const listed = await test.gql(LIST, {}, { token: owner.token });
    expect(listed.data.apiKeys.edges.find((e: any) => e.node.id === apiKey.id).node.status).toBe("EXPIRED");
  });
});

describe("revokeApiKey and the list", () => {
  it("revokes at once; the list hides revoked keys unless asked, newest first", async () => {
    const user = await test.signUp();
    const first = await createKey({ name: "first" }, user.token);
    const second = await createKey({ name: "second" }, user.token);
    const listed = await test.gql(LIST, {}, { token: user.token });
    expect(listed.data.apiKeys.edges.map((e: any) => e.node.name)).toEqual(["second", "first"]);

    const revoked = await test.gql(REVOKE, { input: { id: first.apiKey.id } }, { token: user.token });
    expect(revoked.data.revokeApiKey.apiKey).toMatchObject({ id: first.apiKey.id, status: "REVOKED", revokedAt: expect.any(String) });
    expect((await test.gql(ME, {}, { token: first.secret })).errors?.[0]).toMatchObject({
      message: "This API key was revoked",
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect((await test.gql(ME, {}, { token: second.secret })).data.me.id).toBe(user.userId);

    expect((await test.gql(LIST, {}, { token: user.token })).data.apiKeys.edges.map((e: any) => e.node.name)).toEqual(["second"]);
    expect((await test.gql(LIST, { includeRevoked: true }, { token: user.token })).data.apiKeys.edges.map((e: any) => e.node.status)).toEqual([
      "ACTIVE",
      "REVOKED",
    ]);
    // Again: nothing changes.
    const again = await test.gql(REVOKE, { input: { id: first.apiKey.id } }, { token: user.token });
    expect(again.data.revokeApiKey.apiKey.revokedAt).toBe(revoked.data.revokeApiKey.apiKey.revokedAt);
  });

  it("refuses an ID that is not an API key's", async () => {
    const result = await test.gql(REVOKE, { input: { id: owner.userId } }, { token: owner.token });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });
});
