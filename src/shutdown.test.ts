import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { startTestApp, testDatabase } from "../tests/helpers/test-app.js";

describe("graceful shutdown", () => {
  it("writes click counts still pending when the server stops", async () => {
    // Embedded mode keeps its data on disk here, so a second app can open what the first left.
    const dataDir = await mkdtemp(path.join(tmpdir(), "linkgraph-shutdown-"));
    const storage = testDatabase() === "postgres" ? { DATABASE_URL: inject("databaseUrl") } : { DATA_DIR: dataDir };
    try {
      // A flush interval far longer than the test: only shutdown can write these clicks.
      const first = await startTestApp({ ...storage, CLICK_FLUSH_INTERVAL_MS: "60000" });
      const { token } = await first.signUp();
      const created = await first.gql(`mutation { createLink(input: { url: "https://example.com/x" }) { link { slug } } }`, {}, { token });
      const slug = created.data.createLink.link.slug;
      const browser = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36" };
      for (let i = 0; i < 3; i++) await fetch(`${first.baseUrl}/${slug}`, { redirect: "manual", headers: browser });
      expect((await first.app.services.db.link.findFirstOrThrow({ where: { slug } })).clickCount).toBe(0);
      await first.close();

      const second = await startTestApp(storage);
      try {
        expect((await second.app.services.db.link.findFirstOrThrow({ where: { slug } })).clickCount).toBe(3);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("lets an in-flight request finish, then refuses new connections", async () => {
    const test = await startTestApp();
    const { email } = await test.signUp();
    const arrived = new Promise((resolve) => test.app.server.once("request", resolve));
    // logIn verifies an argon2 hash: slow enough to still be running when shutdown starts.
    const pending = test.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { user { email } } }`, {
      input: { email, password: "correct horse battery" },
    });
    await arrived;
    const closing = test.close();
    expect((await pending).data.logIn.user.email).toBe(email);
    await closing;
    await expect(fetch(`${test.baseUrl}/healthz`)).rejects.toThrow();
  });
});
