import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type GraphQLResponse, type TestApp } from "../../tests/helpers/test-app.js";
import { signUpAdmin } from "../../tests/helpers/users.js";
import { decodeGlobalId } from "../graphql/global-id.js";

/**
 * Every object type and operation that touches user data × every kind of caller, with the exact
 * outcome. Alice owns the objects; Bob is another user; keys belong to Alice.
 */
type Actor = "owner" | "other user" | "admin" | "API key with the scope" | "API key without the scope" | "anonymous";
const ACTORS: Actor[] = ["owner", "other user", "admin", "API key with the scope", "API key without the scope", "anonymous"];
type Outcome =
  | { ok: (data: any) => void | Promise<void> }
  | { error: string; scope?: string; field?: string; unchanged?: () => Promise<void>; errors?: number; data?: unknown };
type Scope = "LINKS_READ" | "LINKS_WRITE";

const ok = (check: (data: any) => void | Promise<void> = () => {}): Outcome => ({ ok: check });
const UNAUTHENTICATED: Outcome = { error: "UNAUTHENTICATED" };
const NOT_FOUND: Outcome = { error: "NOT_FOUND" };
const forbiddenScope = (scope: Scope): Outcome => ({ error: "FORBIDDEN", scope });
const FORBIDDEN_FOR_KEYS: Outcome = { error: "FORBIDDEN" };

let test: TestApp;
let alice: { token: string; userId: string; email: string };
let bob: { token: string; userId: string; email: string };
let admin: { token: string; userId: string; email: string };
let keys: { only: Record<Scope, string>; allBut: Record<Scope, string>; every: string; noLinkScopes: string };
let aliceLink: { id: string; slug: string };
let aliceKeyId: string;

const CREATE_LINK = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug owner { id } } } }`;
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }`;

async function keyFor(token: string, scopes: string[]) {
  const result = await test.gql(CREATE_KEY, { input: { name: scopes.join("+") || "none", scopes } }, { token });
  return result.data.createApiKey as { apiKey: { id: string }; secret: string };
}
async function newAliceLink() {
  return (await test.gql(CREATE_LINK, { input: { url: "https://example.com/alice" } }, { token: alice.token })).data.createLink.link as {
    id: string;
    slug: string;
  };
}
const linkStillThere = (id: () => string) => async () =>
  expect(await test.app.services.db.link.count({ where: { id: decodeGlobalId(id()).id } })).toBe(1);

beforeAll(async () => {
  test = await startTestApp();
  alice = await test.signUp();
  bob = await test.signUp();
  admin = await signUpAdmin(test);
  const key = async (scopes: string[]) => (await keyFor(alice.token, scopes)).secret;
  keys = {
    only: { LINKS_READ: await key(["LINKS_READ"]), LINKS_WRITE: await key(["LINKS_WRITE"]) },
    allBut: {
      LINKS_READ: await key(["LINKS_WRITE", "ANALYTICS_READ", "WEBHOOKS_MANAGE"]),
      LINKS_WRITE: await key(["LINKS_READ", "ANALYTICS_READ", "WEBHOOKS_MANAGE"]),
    },
    every: await key(["LINKS_READ", "LINKS_WRITE", "ANALYTICS_READ", "WEBHOOKS_MANAGE"]),
    noLinkScopes: await key(["ANALYTICS_READ"]),
  };
  aliceLink = await newAliceLink();
  aliceKeyId = (await keyFor(alice.token, ["LINKS_READ"])).apiKey.id;
});
afterAll(() => test.close());

interface Operation {
  name: string;
  /** The scope an API key needs; "session" when no key may do it. */
  needs?: Scope | "session";
  run(token: string | undefined): Promise<GraphQLResponse>;
  outcomes: Record<Actor, Outcome>;
}

function credential(actor: Actor, needs: Operation["needs"]) {
  switch (actor) {
    case "owner":
      return alice.token;
    case "other user":
      return bob.token;
    case "admin":
      return admin.token;
    case "API key with the scope":
      return needs === undefined || needs === "session" ? keys.every : keys.only[needs];
    case "API key without the scope":
      return needs === undefined || needs === "session" ? keys.noLinkScopes : keys.allBut[needs];
    case "anonymous":
      return undefined;
  }
}

const query =
  (document: string, variables: () => Record<string, unknown> = () => ({})) =>
  (token: string | undefined) =>
    test.gql(document, variables(), { token });

const OPERATIONS: Operation[] = [
  {
    name: "me",
    run: query(`{ me { id } }`),
    outcomes: {
      owner: ok((d) => expect(d.me.id).toBe(alice.userId)),
      "other user": ok((d) => expect(d.me.id).toBe(bob.userId)),
      admin: ok((d) => expect(d.me.id).toBe(admin.userId)),
      "API key with the scope": ok((d) => expect(d.me.id).toBe(alice.userId)),
      "API key without the scope": ok((d) => expect(d.me.id).toBe(alice.userId)),
      anonymous: ok((d) => expect(d.me).toBeNull()),
    },
  },
  {
    name: "link(slug) with Link.owner",
    needs: "LINKS_READ",
    run: query(`query ($slug: String!) { link(slug: $slug) { id owner { id email } } }`, () => ({ slug: aliceLink.slug })),
    outcomes: {
      owner: ok((d) => expect(d.link).toEqual({ id: aliceLink.id, owner: { id: alice.userId, email: alice.email } })),
      "other user": NOT_FOUND,
      admin: ok((d) => expect(d.link).toEqual({ id: aliceLink.id, owner: { id: alice.userId, email: alice.email } })),
      "API key with the scope": ok((d) => expect(d.link.id).toBe(aliceLink.id)),
      "API key without the scope": forbiddenScope("LINKS_READ"),
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "links",
    needs: "LINKS_READ",
    run: query(`{ links(first: 100) { edges { node { id } } } }`),
    outcomes: {
      owner: ok((d) => expect(d.links.edges.map((e: any) => e.node.id)).toContain(aliceLink.id)),
      "other user": ok((d) => expect(d.links.edges.map((e: any) => e.node.id)).not.toContain(aliceLink.id)),
      admin: ok((d) => expect(d.links.edges.map((e: any) => e.node.id)).not.toContain(aliceLink.id)), // their own, unless allOwners
      "API key with the scope": ok((d) => expect(d.links.edges.map((e: any) => e.node.id)).toContain(aliceLink.id)),
      "API key without the scope": forbiddenScope("LINKS_READ"),
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "links(filter: {allOwners: true})",
    needs: "LINKS_READ",
    run: query(`{ links(first: 100, filter: { allOwners: true }) { edges { node { id } } } }`),
    outcomes: {
      owner: { error: "FORBIDDEN" },
      "other user": { error: "FORBIDDEN" },
      admin: ok((d) => expect(d.links.edges.map((e: any) => e.node.id)).toContain(aliceLink.id)),
      "API key with the scope": { error: "FORBIDDEN" },
      "API key without the scope": forbiddenScope("LINKS_READ"),
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "node(Link)",
    needs: "LINKS_READ",
    run: query(`query ($id: ID!) { node(id: $id) { id ... on Link { slug } } }`, () => ({ id: aliceLink.id })),
    outcomes: {
      owner: ok((d) => expect(d.node).toEqual({ id: aliceLink.id, slug: aliceLink.slug })),
      "other user": NOT_FOUND,
      admin: ok((d) => expect(d.node.id).toBe(aliceLink.id)),
      "API key with the scope": ok((d) => expect(d.node.id).toBe(aliceLink.id)),
      "API key without the scope": forbiddenScope("LINKS_READ"),
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "nodes([Link, User])",
    needs: "LINKS_READ",
    run: query(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, () => ({ ids: [aliceLink.id, alice.userId] })),
    outcomes: {
      owner: ok((d) => expect(d.nodes).toEqual([{ id: aliceLink.id }, { id: alice.userId }])),
      "other user": { error: "NOT_FOUND", errors: 2, data: { nodes: [null, null] } }, // one error per item
      admin: ok((d) => expect(d.nodes).toEqual([{ id: aliceLink.id }, { id: alice.userId }])),
      "API key with the scope": ok((d) => expect(d.nodes).toEqual([{ id: aliceLink.id }, { id: alice.userId }])),
      // Each id is authorized on its own: the key still reads the user, not the link.
      "API key without the scope": { error: "FORBIDDEN", scope: "LINKS_READ", data: () => ({ nodes: [null, { id: alice.userId }] }) },
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "node(User)",
    run: query(`query ($id: ID!) { node(id: $id) { id ... on User { email } } }`, () => ({ id: alice.userId })),
    outcomes: {
      owner: ok((d) => expect(d.node).toEqual({ id: alice.userId, email: alice.email })),
      "other user": NOT_FOUND,
      admin: ok((d) => expect(d.node).toEqual({ id: alice.userId, email: alice.email })),
      "API key with the scope": ok((d) => expect(d.node.id).toBe(alice.userId)),
      "API key without the scope": ok((d) => expect(d.node.id).toBe(alice.userId)),
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "node(ApiKey)",
    needs: "session",
    run: query(`query ($id: ID!) { node(id: $id) { id ... on ApiKey { prefix } } }`, () => ({ id: aliceKeyId })),
    outcomes: {
      owner: ok((d) => expect(d.node.id).toBe(aliceKeyId)),
      "other user": NOT_FOUND,
      admin: ok((d) => expect(d.node.id).toBe(aliceKeyId)),
      "API key with the scope": FORBIDDEN_FOR_KEYS,
      "API key without the scope": FORBIDDEN_FOR_KEYS,
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "createLink",
    needs: "LINKS_WRITE",
    run: query(CREATE_LINK, () => ({ input: { url: "https://example.com/new" } })),
    outcomes: {
      owner: ok((d) => expect(d.createLink.link.owner.id).toBe(alice.userId)),
      "other user": ok((d) => expect(d.createLink.link.owner.id).toBe(bob.userId)),
      admin: ok((d) => expect(d.createLink.link.owner.id).toBe(admin.userId)),
      "API key with the scope": ok((d) => expect(d.createLink.link.owner.id).toBe(alice.userId)),
      "API key without the scope": forbiddenScope("LINKS_WRITE"),
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "updateLink",
    needs: "LINKS_WRITE",
    run: query(`mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { link { id title } } }`, () => ({
      input: { id: aliceLink.id, title: "changed" },
    })),
    outcomes: {
      owner: ok((d) => expect(d.updateLink.link).toEqual({ id: aliceLink.id, title: "changed" })),
      "other user": { error: "NOT_FOUND", unchanged: linkStillThere(() => aliceLink.id) },
      admin: ok((d) => expect(d.updateLink.link.id).toBe(aliceLink.id)),
      "API key with the scope": ok((d) => expect(d.updateLink.link.id).toBe(aliceLink.id)),
      "API key without the scope": forbiddenScope("LINKS_WRITE"),
      anonymous: UNAUTHENTICATED,
    },
  },
  (() => {
    let target = { id: "", slug: "" };
    const stillThere = linkStillThere(() => target.id);
    return {
      name: "deleteLink",
      needs: "LINKS_WRITE" as const,
      async run(token: string | undefined) {
        target = await newAliceLink();
        return test.gql(`mutation ($input: DeleteLinkInput!) { deleteLink(input: $input) { deletedId } }`, { input: { id: target.id } }, { token });
      },
      outcomes: {
        owner: ok((d) => expect(d.deleteLink.deletedId).toBe(target.id)),
        "other user": { error: "NOT_FOUND", unchanged: stillThere },
        admin: ok((d) => expect(d.deleteLink.deletedId).toBe(target.id)),
        "API key with the scope": ok((d) => expect(d.deleteLink.deletedId).toBe(target.id)),
        "API key without the scope": { ...forbiddenScope("LINKS_WRITE"), unchanged: stillThere },
        anonymous: { error: "UNAUTHENTICATED", unchanged: stillThere },
      },
    } satisfies Operation;
  })(),
  {
    name: "createApiKey",
    needs: "session",
    run: query(CREATE_KEY, () => ({ input: { name: "matrix", scopes: ["LINKS_READ"] } })),
    outcomes: {
      owner: ok((d) => expect(d.createApiKey.secret).toMatch(/^lgk_/)),
      "other user": ok((d) => expect(d.createApiKey.secret).toMatch(/^lgk_/)),
      admin: ok((d) => expect(d.createApiKey.secret).toMatch(/^lgk_/)),
      "API key with the scope": FORBIDDEN_FOR_KEYS,
      "API key without the scope": FORBIDDEN_FOR_KEYS,
      anonymous: UNAUTHENTICATED,
    },
  },
  (() => {
    let target = "";
    const stillActive = async () =>
      expect((await test.app.services.db.apiKey.findUniqueOrThrow({ where: { id: decodeGlobalId(target).id } })).revokedAt).toBeNull();
    return {
      name: "revokeApiKey",
      needs: "session" as const,
      async run(token: string | undefined) {
        target = (await keyFor(alice.token, ["LINKS_READ"])).apiKey.id;
        return test.gql(
          `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id status } } }`,
          { input: { id: target } },
          { token },
        );
      },
      outcomes: {
        owner: ok((d) => expect(d.revokeApiKey.apiKey).toEqual({ id: target, status: "REVOKED" })),
        "other user": { error: "NOT_FOUND", unchanged: stillActive },
        admin: ok((d) => expect(d.revokeApiKey.apiKey).toEqual({ id: target, status: "REVOKED" })),
        "API key with the scope": { error: "FORBIDDEN", unchanged: stillActive },
        "API key without the scope": { error: "FORBIDDEN", unchanged: stillActive },
        anonymous: { error: "UNAUTHENTICATED", unchanged: stillActive },
      },
    } satisfies Operation;
  })(),
  {
    name: "apiKeys",
    needs: "session",
    run: query(`{ apiKeys(first: 100) { edges { node { id } } } }`),
    outcomes: {
      owner: ok((d) => expect(d.apiKeys.edges.map((e: any) => e.node.id)).toContain(aliceKeyId)),
      "other user": ok((d) => expect(d.apiKeys.edges.map((e: any) => e.node.id)).not.toContain(aliceKeyId)),
      admin: ok((d) => expect(d.apiKeys.edges.map((e: any) => e.node.id)).not.toContain(aliceKeyId)),
      "API key with the scope": FORBIDDEN_FOR_KEYS,
      "API key without the scope": FORBIDDEN_FOR_KEYS,
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "changePassword (wrong current password)",
    needs: "session",
    run: query(`mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }`, () => ({
      input: { currentPassword: "not the password", newPassword: "another long passphrase" },
    })),
    outcomes: {
      // Authorized: the request reaches the password check.
      owner: { error: "BAD_USER_INPUT", field: "currentPassword" },
      "other user": { error: "BAD_USER_INPUT", field: "currentPassword" },
      admin: { error: "BAD_USER_INPUT", field: "currentPassword" },
      "API key with the scope": FORBIDDEN_FOR_KEYS,
      "API key without the scope": FORBIDDEN_FOR_KEYS,
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: "logOut(everywhere) with an access token",
    needs: "session",
    run: query(`mutation { logOut(input: { everywhere: true }) { success } }`),
    outcomes: {
      owner: ok((d) => expect(d.logOut.success).toBe(true)),
      "other user": ok((d) => expect(d.logOut.success).toBe(true)),
      admin: ok((d) => expect(d.logOut.success).toBe(true)),
      "API key with the scope": FORBIDDEN_FOR_KEYS,
      "API key without the scope": FORBIDDEN_FOR_KEYS,
      anonymous: { error: "BAD_USER_INPUT", field: "refreshToken" },
    },
  },
];

describe.each(OPERATIONS)("$name", (operation) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const expected = operation.outcomes[actor];
    const result = await operation.run(credential(actor, operation.needs));
    if ("ok" in expected) {
      expect(result.errors).toBeUndefined();
      await expected.ok(result.data);
      return;
    }
    expect(result.errors).toHaveLength(expected.errors ?? 1);
    for (const error of result.errors!) expect(error.extensions.code).toBe(expected.error);
    const { extensions } = result.errors![0]!;
    if (expected.scope) expect(extensions.scope).toBe(expected.scope);
    if (expected.error === "FORBIDDEN" && !expected.scope) expect(extensions.scope).toBeUndefined();
    if (expected.field) expect(extensions.field).toBe(expected.field);
    // The root field is null: nothing of the object leaks with the error.
    if (expected.data) expect(result.data).toEqual(typeof expected.data === "function" ? (expected.data as () => unknown)() : expected.data);
    else expect(Object.values(result.data ?? {}).every((value) => value === null)).toBe(true);
    await expected.unchanged?.();
  });
});

/**
 * The same callers against the REST API: the same use cases refuse the same things, as HTTP
 * statuses with the same codes (problem+json `code` = GraphQL `extensions.code`).
 */
interface RestCase {
  name: string;
  needs?: Operation["needs"];
  request: () => { method: string; path: string; body?: unknown };
  /** The expected status per actor; refusals also carry a code (and an API key's missing scope). */
  outcomes: Record<Actor, number>;
}
const LINK_READ = { owner: 200, "other user": 404, admin: 200, "API key with the scope": 200, "API key without the scope": 403, anonymous: 401 };
const REST_CASES: RestCase[] = [
  {
    name: "GET /me",
    request: () => ({ method: "GET", path: "/me" }),
    outcomes: { owner: 200, "other user": 200, admin: 200, "API key with the scope": 200, "API key without the scope": 200, anonymous: 401 },
  },
  { name: "GET /links/{id}", needs: "LINKS_READ", request: () => ({ method: "GET", path: `/links/${aliceLink.id}` }), outcomes: LINK_READ },
  {
    name: "GET /links/lookup",
    needs: "LINKS_READ",
    request: () => ({ method: "GET", path: `/links/lookup?slug=${aliceLink.slug}` }),
    outcomes: LINK_READ,
  },
  { name: "GET /links", needs: "LINKS_READ", request: () => ({ method: "GET", path: "/links" }), outcomes: { ...LINK_READ, "other user": 200 } },
  {
    name: "POST /links",
    needs: "LINKS_WRITE",
    request: () => ({ method: "POST", path: "/links", body: { url: "https://example.com/rest" } }),
    outcomes: { owner: 201, "other user": 201, admin: 201, "API key with the scope": 201, "API key without the scope": 403, anonymous: 401 },
  },
  {
    name: "PATCH /links/{id}",
    needs: "LINKS_WRITE",
    request: () => ({ method: "PATCH", path: `/links/${aliceLink.id}`, body: { title: "t" } }),
    outcomes: LINK_READ,
  },
  {
    name: "POST /workspaces",
    needs: "session",
    request: () => ({ method: "POST", path: "/workspaces", body: { name: "W" } }),
    outcomes: { owner: 201, "other user": 201, admin: 201, "API key with the scope": 403, "API key without the scope": 403, anonymous: 401 },
  },
];
const CODES: Record<number, string> = { 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND" };

describe.each(REST_CASES)("REST $name", (restCase) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const { method, path, body } = restCase.request();
    const token = credential(actor, restCase.needs);
    const response = await fetch(`${test.baseUrl}/api/v1${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const expected = restCase.outcomes[actor];
    expect(response.status).toBe(expected);
    if (expected < 400) return;
    const problem = await response.json();
    expect(problem.code).toBe(CODES[expected]);
    if (actor === "API key without the scope" && restCase.needs && restCase.needs !== "session") expect(problem.scope).toBe(restCase.needs);
  });
});

it("REST DELETE /links/{id}: only the owner's side may delete, and then it is gone", async () => {
  for (const [actor, status] of [
    ["other user", 404],
    ["API key without the scope", 403],
    ["anonymous", 401],
    ["API key with the scope", 204],
    ["admin", 204],
    ["owner", 204],
  ] as const) {
    const link = await newAliceLink();
    const token = credential(actor, "LINKS_WRITE");
    const response = await fetch(`${test.baseUrl}/api/v1/links/${link.id}`, {
      method: "DELETE",
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect(response.status, actor).toBe(status);
    expect(await test.app.services.db.link.count({ where: { id: decodeGlobalId(link.id).id } })).toBe(status === 204 ? 0 : 1);
  }
});
