import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_UA, CLICK_COUNTS, click, subscribe, totalsOf, wsClient } from "../../tests/helpers/live.js";
import { startTestApp, type GraphQLResponse, type TestApp } from "../../tests/helpers/test-app.js";
import { signUpAdmin } from "../../tests/helpers/users.js";

/**
 * Workspaces end to end over HTTP and graphql-ws: invitations, the role × operation matrix of the
 * permission table (src/access/permissions.ts), API keys bound to one workspace, and access that
 * ends at once (open subscriptions included).
 */
type User = { token: string; userId: string; email: string };
type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER" | "outsider" | "instance admin";
const ROLES: Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER", "outsider", "instance admin"];

let test: TestApp;
let people: Record<Role, User>;
let workspaceId: string;

const gql = (user: User | string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  test.gql(query, variables, { token: typeof user === "string" ? user : user.token, headers });
const inW = (user: User | string, query: string, variables: Record<string, unknown> = {}) =>
  gql(user, query, variables, { "x-workspace-id": workspaceId });
const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions.code ?? "OK";

const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { id email role status } } }`;
const ACCEPT = `mutation ($token: String!) { acceptInvitation(input: { token: $token }) { workspace { id name viewerRole } } }`;
const CREATE_LINK = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug workspace { id } } } }`;

async function invite(by: User, email: string, role: string) {
  const result = await gql(by, INVITE, { input: { workspaceId, email, role } });
  expect(result.errors).toBeUndefined();
  return result.data.inviteMember.token as string;
}

async function ownerLink() {
  const result = await gql(people.OWNER, CREATE_LINK, { input: { workspaceId, url: "https://example.com/team" } });
  return result.data.createLink.link as { id: string; slug: string };
}

beforeAll(async () => {
  test = await startTestApp();
  const [owner, admin, member, viewer, outsider] = await Promise.all([1, 2, 3, 4, 5].map(() => test.signUp()));
  people = { OWNER: owner!, ADMIN: admin!, MEMBER: member!, VIEWER: viewer!, outsider: outsider!, "instance admin": await signUpAdmin(test) };
  const created = await gql(people.OWNER, `mutation { createWorkspace(input: { name: "Team" }) { workspace { id viewerRole personal } } }`);
  expect(created.data.createWorkspace.workspace).toMatchObject({ viewerRole: "OWNER", personal: false });
  workspaceId = created.data.createWorkspace.workspace.id;
  for (const role of ["ADMIN", "MEMBER", "VIEWER"] as const) {
    const accepted = await gql(people[role], ACCEPT, { token: await invite(people.OWNER, people[role].email, role) });
    expect(accepted.data.acceptInvitation.workspace).toEqual({ id: workspaceId, name: "Team", viewerRole: role });
  }
});
afterAll(() => test?.close());

describe("sign-up and selection", () => {
  it("gives every new account a personal workspace it owns, selected by default", async () => {
    const fresh = await test.signUp();
    const result = await gql(
      fresh,
      `{ viewer { instanceAdmin workspace { name personal viewerRole } workspaces(first: 10) { edges { node { name } } } } }`,
    );
    expect(result.data.viewer).toEqual({
      instanceAdmin: false,
      workspace: { name: "Personal", personal: true, viewerRole: "OWNER" },
      workspaces: { edges: [{ node: { name: "Personal" } }] },
    });
  });

  it("lists every workspace a member belongs to, and selects one with X-Workspace-Id", async () => {
    const mine = await gql(people.VIEWER, `{ viewer { workspaces(first: 10) { edges { node { name viewerRole } } } } }`);
    expect(mine.data.viewer.workspaces.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining([
        { name: "Personal", viewerRole: "OWNER" },
        { name: "Team", viewerRole: "VIEWER" },
      ]),
    );
    expect((await inW(people.VIEWER, `{ workspace { name viewerRole } }`)).data.workspace).toEqual({ name: "Team", viewerRole: "VIEWER" });
    const bad = await gql(people.VIEWER, `{ workspace { name } }`, {}, { "x-workspace-id": "nope" });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "X-Workspace-Id" });
    expect(codeOf(await inW(people.outsider, `{ workspace { name } }`))).toBe("NOT_FOUND");
  });

  it("shows members and their roles to every member", async () => {
    const result = await inW(people.VIEWER, `{ workspace { members(first: 10) { edges { node { role user { email } } } } } }`);
    expect(result.data.workspace.members.edges.map((e: any) => [e.node.user.email, e.node.role]).sort()).toEqual(
      (["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const).map((role) => [people[role].email, role]).sort(),
    );
  });

  it("refuses a page size above the maximum instead of truncating", async () => {
    const result = await inW(people.OWNER, `{ workspace { members(first: 101) { edges { node { role } } } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

/** Every role × operation cell of the permission table, in the shared workspace. */
describe("the permission table", () => {
  type Cell = "OK" | "FORBIDDEN" | "NOT_FOUND";
  const ops: Array<{ name: string; run: (user: User) => Promise<GraphQLResponse>; expected: Record<Role, Cell> }> = [
    {
      name: "links.read: links, link(slug), node(Link)",
      run: async (user) => {
        const link = await ownerLink();
        const list = await inW(user, `{ links(first: 100) { edges { node { id } } } }`);
        if (list.errors) return list;
        expect(list.data.links.edges.map((e: any) => e.node.id)).toContain(link.id);
        const bySlug = await gql(user, `query ($slug: String!) { link(slug: $slug) { id } }`, { slug: link.slug });
        if (bySlug.errors) return bySlug;
        return gql(user, `query ($id: ID!) { node(id: $id) { id } }`, { id: link.id });
      },
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "OK", VIEWER: "OK", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "links.write: createLink",
      run: (user) => gql(user, CREATE_LINK, { input: { workspaceId, url: "https://example.com/new" } }),
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "OK", VIEWER: "FORBIDDEN", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "links.write: updateLink",
      run: async (user) =>
        gql(user, `mutation ($id: ID!) { updateLink(input: { id: $id, title: "x" }) { link { id } } }`, { id: (await ownerLink()).id }),
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "OK", VIEWER: "FORBIDDEN", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "links.write: deleteLink",
      run: async (user) => gql(user, `mutation ($id: ID!) { deleteLink(input: { id: $id }) { deletedId } }`, { id: (await ownerLink()).id }),
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "OK", VIEWER: "FORBIDDEN", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "analytics.read: clickSummary",
      run: (user) =>
        inW(user, `query ($from: DateTime!) { clickSummary(from: $from) { clicks } }`, { from: new Date(Date.now() - 86_400_000).toISOString() }),
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "OK", VIEWER: "OK", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "webhooks.read: webhooks",
      run: (user) => inW(user, `{ webhooks(first: 5) { edges { node { id } } } }`),
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "OK", VIEWER: "OK", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "webhooks.manage: createWebhook",
      run: (user) =>
        gql(user, `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`, {
          input: { workspaceId, url: "https://hooks.example.com/x", events: ["LINK_CREATED"] },
        }),
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "FORBIDDEN", VIEWER: "FORBIDDEN", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "apiKeys.manage: createApiKey, apiKeys",
      run: async (user) => {
        const created = await gql(user, `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`, {
          input: { workspaceId, name: "k", scopes: ["LINKS_READ"] },
        });
        return created.errors ? created : inW(user, `{ apiKeys(first: 5) { edges { node { id } } } }`);
      },
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "FORBIDDEN", VIEWER: "FORBIDDEN", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "members.invite: inviteMember, invitations",
      run: async (user) => {
        const invited = await gql(user, INVITE, { input: { workspaceId, email: `guest-${Math.random()}@example.com`, role: "VIEWER" } });
        return invited.errors ? invited : inW(user, `{ workspace { invitations(first: 5) { edges { node { status } } } } }`);
      },
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "FORBIDDEN", VIEWER: "FORBIDDEN", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "members.manage: changeMemberRole of the VIEWER",
      run: (user) =>
        gql(user, `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { member { role } } }`, {
          input: { workspaceId, userId: people.VIEWER.userId, role: "VIEWER" },
        }),
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "FORBIDDEN", VIEWER: "FORBIDDEN", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
    {
      name: "workspace.update: updateWorkspace",
      run: (user) =>
        gql(user, `mutation ($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { workspace { name } } }`, {
          input: { workspaceId, name: "Team" },
        }),
      expected: { OWNER: "OK", ADMIN: "OK", MEMBER: "FORBIDDEN", VIEWER: "FORBIDDEN", outsider: "NOT_FOUND", "instance admin": "OK" },
    },
  ];

  describe.each(ops)("$name", (op) => {
    it.each(ROLES)("as %s", async (role) => {
      const result = await op.run(people[role]);
      expect(codeOf(result), JSON.stringify(result.errors)).toBe(op.expected[role]);
      if (op.expected[role] === "FORBIDDEN") expect(result.errors?.[0]?.extensions).toMatchObject({ role });
    });
  });

  it("workspace.delete and workspace.transfer: the OWNER only", async () => {
    const other = (await gql(people.OWNER, `mutation { createWorkspace(input: { name: "Doomed" }) { workspace { id } } }`)).data.createWorkspace
      .workspace.id;
    const token = await gql(people.OWNER, INVITE, { input: { workspaceId: other, email: people.ADMIN.email, role: "ADMIN" } });
    await gql(people.ADMIN, ACCEPT, { token: token.data.inviteMember.token });
    const DELETE = `mutation ($id: ID!) { deleteWorkspace(input: { workspaceId: $id }) { deletedId } }`;
    const TRANSFER = `mutation ($input: TransferWorkspaceOwnershipInput!) { transferWorkspaceOwnership(input: $input) { member { role } } }`;
    expect(codeOf(await gql(people.ADMIN, DELETE, { id: other }))).toBe("FORBIDDEN");
    expect(codeOf(await gql(people.ADMIN, TRANSFER, { input: { workspaceId: other, userId: people.ADMIN.userId } }))).toBe("FORBIDDEN");
    expect(codeOf(await gql(people.OWNER, DELETE, { id: other }))).toBe("OK");
    expect(codeOf(await gql(people.ADMIN, `query ($id: ID!) { workspace(id: $id) { id } }`, { id: other }))).toBe("NOT_FOUND");
    const personal = (await gql(people.OWNER, `{ viewer { workspace { id } } }`)).data.viewer.workspace.id;
    expect(codeOf(await gql(people.OWNER, DELETE, { id: personal }))).toBe("CONFLICT");
  });

  it("an ADMIN cannot manage the OWNER or grant OWNER", async () => {
    const result = await gql(people.ADMIN, `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { member { role } } }`, {
      input: { workspaceId, userId: people.OWNER.userId },
    });
    expect(codeOf(result)).toBe("CONFLICT");
    const grant = await gql(people.ADMIN, `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { member { role } } }`, {
      input: { workspaceId, userId: people.MEMBER.userId, role: "OWNER" },
    });
    expect(grant.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "role" });
  });
});

describe("API keys belong to one workspace", () => {
  it("reach their own workspace's objects and nothing of another workspace", async () => {
    const create = async (inWorkspace: string | null) =>
      (
        await gql(people.OWNER, `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
          input: { workspaceId: inWorkspace, name: "k", scopes: ["LINKS_READ", "LINKS_WRITE"] },
        })
      ).data.createApiKey.secret as string;
    const teamKey = await create(workspaceId);
    const personalKey = await create(null);
    const link = await ownerLink();
    expect(codeOf(await gql(teamKey, `query ($id: ID!) { node(id: $id) { id } }`, { id: link.id }))).toBe("OK");
    expect((await gql(teamKey, `{ links(first: 100) { edges { node { id } } } }`)).data.links.edges.map((e: any) => e.node.id)).toContain(link.id);
    expect(codeOf(await gql(personalKey, `query ($id: ID!) { node(id: $id) { id } }`, { id: link.id }))).toBe("NOT_FOUND");
    expect(codeOf(await gql(personalKey, `query ($slug: String!) { link(slug: $slug) { id } }`, { slug: link.slug }))).toBe("NOT_FOUND");
    expect(codeOf(await gql(personalKey, `{ links(first: 5) { edges { node { id } } } }`, {}, { "x-workspace-id": workspaceId }))).toBe("NOT_FOUND");
    expect(codeOf(await gql(personalKey, `mutation ($id: ID!) { deleteLink(input: { id: $id }) { deletedId } }`, { id: link.id }))).toBe("NOT_FOUND");
  });

  it("never act beyond their creator's role: an ADMIN's key stops writing when they become a VIEWER, and works no more once they leave", async () => {
    const someone = await test.signUp();
    await gql(someone, ACCEPT, { token: await invite(people.OWNER, someone.email, "ADMIN") });
    const key = (
      await gql(someone, `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
        input: { workspaceId, name: "k", scopes: ["LINKS_WRITE"] },
      })
    ).data.createApiKey.secret as string;
    expect(codeOf(await gql(key, CREATE_LINK, { input: { url: "https://example.com/k" } }))).toBe("OK");
    await gql(people.OWNER, `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { member { role } } }`, {
      input: { workspaceId, userId: someone.userId, role: "VIEWER" },
    });
    expect((await gql(key, CREATE_LINK, { input: { url: "https://example.com/k" } })).errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      role: "VIEWER",
    });
    expect(
      codeOf(await gql(someone, `mutation ($id: ID!) { leaveWorkspace(input: { workspaceId: $id }) { member { role } } }`, { id: workspaceId })),
    ).toBe("OK");
    expect(codeOf(await gql(key, `{ links(first: 1) { edges { node { id } } } }`))).toBe("UNAUTHENTICATED");
  });
});

describe("invitations", () => {
  it("are single-use, for their email only, and can be revoked or declined", async () => {
    const guest = await test.signUp();
    const stranger = await test.signUp();
    const token = await invite(people.ADMIN, guest.email, "MEMBER");
    expect(codeOf(await gql(stranger, ACCEPT, { token }))).toBe("FORBIDDEN");
    expect(codeOf(await gql(guest, ACCEPT, { token }))).toBe("OK");
    expect(codeOf(await gql(guest, ACCEPT, { token }))).toBe("CONFLICT");
    expect(codeOf(await gql(guest, ACCEPT, { token: "lgi_nope" }))).toBe("NOT_FOUND");

    const other = await test.signUp();
    const revoked = await gql(people.OWNER, INVITE, { input: { workspaceId, email: other.email, role: "VIEWER" } });
    await gql(people.OWNER, `mutation ($id: ID!) { revokeInvitation(input: { id: $id }) { invitation { status } } }`, {
      id: revoked.data.inviteMember.invitation.id,
    });
    expect(codeOf(await gql(other, ACCEPT, { token: revoked.data.inviteMember.token }))).toBe("CONFLICT");
    const declined = await invite(people.OWNER, other.email, "VIEWER");
    const decline = await gql(other, `mutation ($token: String!) { declineInvitation(input: { token: $token }) { invitation { status } } }`, {
      token: declined,
    });
    expect(decline.data.declineInvitation.invitation.status).toBe("DECLINED");
    expect(codeOf(await gql(other, ACCEPT, { token: declined }))).toBe("CONFLICT");
  });

  it("keep exactly one owner: the owner cannot leave; a transfer swaps OWNER and ADMIN", async () => {
    const team = (await gql(people.MEMBER, `mutation { createWorkspace(input: { name: "Solo" }) { workspace { id } } }`)).data.createWorkspace
      .workspace.id;
    const next = await test.signUp();
    const token = (await gql(people.MEMBER, INVITE, { input: { workspaceId: team, email: next.email, role: "VIEWER" } })).data.inviteMember.token;
    await gql(next, ACCEPT, { token });
    expect(
      codeOf(await gql(people.MEMBER, `mutation ($id: ID!) { leaveWorkspace(input: { workspaceId: $id }) { member { role } } }`, { id: team })),
    ).toBe("CONFLICT");
    const transfer = await gql(
      people.MEMBER,
      `mutation ($input: TransferWorkspaceOwnershipInput!) { transferWorkspaceOwnership(input: $input) { member { role } } }`,
      { input: { workspaceId: team, userId: next.userId } },
    );
    expect(transfer.data.transferWorkspaceOwnership.member.role).toBe("OWNER");
    const members = await gql(next, `query ($id: ID!) { workspace(id: $id) { members(first: 10) { edges { node { role user { id } } } } } }`, {
      id: team,
    });
    expect(members.data.workspace.members.edges.map((e: any) => [e.node.user.id, e.node.role]).sort()).toEqual(
      [
        [people.MEMBER.userId, "ADMIN"],
        [next.userId, "OWNER"],
      ].sort(),
    );
  });
});

describe("losing access", () => {
  it("a removed member loses access at once, and their open graphql-ws subscription ends", async () => {
    const leaving = await test.signUp();
    await gql(leaving, ACCEPT, { token: await invite(people.OWNER, leaving.email, "VIEWER") });
    const link = await ownerLink();
    const client = wsClient(test, leaving.token, { workspaceId });
    const live = subscribe(client, CLICK_COUNTS, { linkIds: [link.id] });
    await until(() => expect(totalsOf(live, link.id)).toEqual([0]));
    await click(test.baseUrl, link.slug, { "user-agent": BROWSER_UA });
    await test.app.services.clickPipeline.flush();
    await until(() => expect(totalsOf(live, link.id).at(-1)).toBe(1));

    const removed = await gql(people.ADMIN, `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { member { role } } }`, {
      input: { workspaceId, userId: leaving.userId },
    });
    expect(removed.errors).toBeUndefined();
    await until(() => expect(live.completed).toBe(true));
    expect(codeOf(await gql(leaving, `query ($id: ID!) { node(id: $id) { id } }`, { id: link.id }))).toBe("NOT_FOUND");
    const again = subscribe(client, CLICK_COUNTS, { linkIds: [link.id] });
    await until(() => expect(again.results[0]?.errors?.[0]?.extensions?.code ?? (again.failure as any)?.[0]?.extensions?.code).toBe("NOT_FOUND"));
    await client.dispose();
  });
});

describe("instance administration", () => {
  it("npm run admin -- grant|revoke changes the role at once, and admins see every workspace", async () => {
    const { setInstanceAdmin } = await import("../access/instance-admins.js");
    const someone = await test.signUp();
    const team = `query ($id: ID!) { workspace(id: $id) { name viewerRole } }`;
    expect(codeOf(await gql(someone, team, { id: workspaceId }))).toBe("NOT_FOUND");
    await setInstanceAdmin(test.app.services.db, { email: someone.email }, true);
    expect((await gql(someone, team, { id: workspaceId })).data.workspace).toEqual({ name: "Team", viewerRole: "OWNER" });
    expect((await gql(someone, `{ viewer { instanceAdmin } }`)).data.viewer.instanceAdmin).toBe(true);
    await setInstanceAdmin(test.app.services.db, { email: someone.email }, false);
    expect(codeOf(await gql(someone, team, { id: workspaceId }))).toBe("NOT_FOUND");
    await expect(setInstanceAdmin(test.app.services.db, { email: "nobody@example.com" }, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

async function until(check: () => void, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
