import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { click } from "../../tests/helpers/live.js";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";
import { signUpAdmin } from "../../tests/helpers/users.js";

/** The instance administrators' overview: totals and top links across every workspace, and no one else's. */
const OVERVIEW = `query ($first: Int!) { instanceOverview { users workspaces links clicks topLinks(first: $first) { slug clickCount owner { email } workspace { name } } } }`;

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

describe("instanceOverview", () => {
  it("counts every account, workspace, link and click, and ranks every workspace's links", async () => {
    const admin = await signUpAdmin(test);
    const before = (await test.gql(OVERVIEW, { first: 5 }, { token: admin.token })).data.instanceOverview;

    const someone = await test.signUp();
    const team = await test.gql(`mutation { createWorkspace(input: {name: "Far away"}) { workspace { id } } }`, {}, { token: someone.token });
    const created = await test.gql(
      `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { slug } } }`,
      { input: { url: "https://example.com/popular", workspaceId: team.data.createWorkspace.workspace.id } },
      { token: someone.token },
    );
    const { slug } = created.data.createLink.link;
    for (let i = 0; i < 40; i++) expect(await click(test.baseUrl, slug)).toBe(302);

    // Other tests' links share the database: among the top 50, ours is where its 40 clicks put it.
    type Top = { slug: string; clickCount: number; owner: { email: string }; workspace: { name: string } };
    const top = async () => (await test.gql(OVERVIEW, { first: 50 }, { token: admin.token })).data.instanceOverview.topLinks as Top[];
    await expect.poll(async () => (await top()).find((link) => link.slug === slug)?.clickCount, { timeout: 10_000 }).toBe(40);
    const ranked = await top();
    expect(ranked.find((link) => link.slug === slug)).toEqual({
      slug,
      clickCount: 40,
      owner: { email: someone.email },
      workspace: { name: "Far away" },
    });
    expect(ranked.map((link) => link.clickCount)).toEqual(ranked.map((link) => link.clickCount).sort((a, b) => b - a));
    const after = (await test.gql(OVERVIEW, { first: 5 }, { token: admin.token })).data.instanceOverview;
    expect(after.users).toBeGreaterThanOrEqual(before.users + 1);
    expect(after.workspaces).toBeGreaterThanOrEqual(before.workspaces + 2); // a personal one and "Far away"
    expect(after.links).toBeGreaterThanOrEqual(before.links + 1);
    expect(after.clicks).toBeGreaterThanOrEqual(before.clicks + 40);
  });

  it("is refused to everyone but instance admins: FORBIDDEN for people and API keys, UNAUTHENTICATED when anonymous", async () => {
    const person = await test.signUp();
    const refused = await test.gql(OVERVIEW, { first: 5 }, { token: person.token });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    expect(refused.data.instanceOverview).toBeNull();

    const admin = await signUpAdmin(test);
    const key = await test.gql(
      `mutation { createApiKey(input: {name: "ops", scopes: [LINKS_READ, ANALYTICS_READ]}) { secret } }`,
      {},
      { token: admin.token },
    );
    const byKey = await test.gql(OVERVIEW, { first: 5 }, { token: key.data.createApiKey.secret });
    expect(byKey.errors?.[0]?.extensions.code).toBe("FORBIDDEN");

    expect((await test.gql(OVERVIEW, { first: 5 })).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    const tooMany = await test.gql(OVERVIEW, { first: 500 }, { token: admin.token });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});
