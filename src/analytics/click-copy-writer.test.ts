import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { startTestApp, testDatabase, type TestApp } from "../../tests/helpers/test-app.js";
import { decodeGlobalId } from "../graphql/global-id.js";
import type { Logger } from "../platform/logger.js";
import { clickId } from "./click-id.js";
import type { EnrichedClick, TotalsMessage } from "./click-event.js";
import { COPY_MIN_ROWS, createCopyClickWriter, type CopyClickWriter } from "./click-copy-writer.js";
import { writeClicks } from "./click-writer.js";

const HOUR_MS = 3_600_000;
const warnings: unknown[] = [];
const log = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;

describe.skipIf(testDatabase() === "embedded")("the COPY click writer (PostgreSQL)", () => {
  let test: TestApp;
  let token: string;
  let writer: CopyClickWriter;
  let admin: pg.Client;

  beforeAll(async () => {
    test = await startTestApp();
    ({ token } = await test.signUp());
    writer = createCopyClickWriter({ connectionString: inject("databaseUrl"), countBots: false, milestones: [1_000_000], log });
    admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
  });
  afterAll(async () => {
    await writer.close();
    await admin.end();
    await test.close();
  });

  async function createLink(input: Record<string, unknown> = {}) {
    const result = await test.gql(
      `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id } } }`,
      { input: { url: "https://example.com/copy", ...input } },
      { token },
    );
    expect(result.errors).toBeUndefined();
    return decodeGlobalId(result.data.createLink.link.id).id;
  }

  /** n clicks over two hours: every 7th a bot, every 5th capped, awkward text in referrers, some without a visitor or address. */
  function batch(linkIds: string[], n: number, at = Date.now() - HOUR_MS): EnrichedClick[] {
    return Array.from({ length: n }, (_, k) => ({
      id: clickId(at + k),
      linkId: linkIds[k % linkIds.length]!,
      at: at + Math.floor((k * 2 * HOUR_MS) / n),
      count: 1 + (k % 3),
      bot: k % 7 === 0,
      visitor: k % 11 === 0 ? null : k.toString(16).padStart(32, "0"),
      referrer: ["news.ycombinator.com", "tab\there", "back\\slash", "new\nline", null][k % 5]!,
      country: k % 2 ? "FR" : null,
      device: "mobile",
      browser: "Safari",
      os: "iOS",
      ip: k % 4 ? null : `203.0.113.${k % 250}`,
      ruleId: k % 9 === 0 ? "rule-1" : null,
      variantId: k % 6 === 0 ? "b" : null,
      source: k % 8 === 0 ? "qr" : null,
      origin: k % 2 ? "instance-a" : "instance-b",
      capped: k % 5 === 0,
    }));
  }

  /** What is stored for a link: its rows (without ids), rollups and total, comparable across links. */
  async function stored(linkId: string) {
    const rows = await admin.query(
      `SELECT at, count, "isBot", encode(visitor, 'hex') AS visitor, referrer, country, device, browser, os, host(ip) AS ip,
              "ruleId", "variantId", source
       FROM "Click" WHERE "linkId" = $1 ORDER BY at, count, referrer NULLS FIRST, visitor NULLS FIRST`,
      [linkId],
    );
    const rollups = await admin.query(`SELECT hour, clicks, "botClicks" FROM "ClickRollup" WHERE "linkId" = $1 ORDER BY hour`, [linkId]);
    const total = (await admin.query(`SELECT "clickCount" FROM "Link" WHERE id = $1`, [linkId])).rows[0]?.clickCount;
    return { rows: rows.rows, rollups: rollups.rows, total };
  }

  const byLink = (message: TotalsMessage, ids: string[]) => ({
    totals: ids.map((id) => message.totals.find((t) => t.linkId === id)),
    settled: ids.flatMap((id) =>
      message.settled
        .filter((s) => s.linkId === id)
        .map((s) => ({ ...s, linkId: ids.indexOf(id) }))
        .sort((a, b) => a.origin.localeCompare(b.origin)),
    ),
  });

  it("stores exactly what the INSERT statement stores: rows, text with tabs, backslashes and newlines, rollups, totals, settled clicks", async () => {
    const copied = [await createLink(), await createLink()];
    const inserted = [await createLink(), await createLink()];
    const clicks = batch(copied, 240);
    const same = clicks.map((click, k) => ({ ...click, id: clickId(click.at + k + 1_000_000), linkId: inserted[copied.indexOf(click.linkId)]! }));

    const viaCopy = await writer.write(clicks);
    const viaInsert = await test.app.services.db.$transaction((tx) => writeClicks(tx, same, { countBots: false }));

    expect(viaCopy).not.toBeNull();
    for (let i = 0; i < 2; i++) {
      const [a, b] = [await stored(copied[i]!), await stored(inserted[i]!)];
      expect(a.rows).toHaveLength(120);
      expect(a).toEqual(b);
      expect(a.rollups.length).toBeGreaterThanOrEqual(2);
    }
    expect((await stored(copied[0]!)).rows.map((row) => row.referrer)).toEqual(expect.arrayContaining(["tab\there", "back\\slash", "new\nline"]));
    const totals = byLink(viaCopy!, copied);
    expect(totals.totals.map((t) => t && { total: t.total, added: t.added })).toEqual(
      byLink(viaInsert, inserted).totals.map((t) => t && { total: t.total, added: t.added }),
    );
    expect(totals.settled).toEqual(byLink(viaInsert, inserted).settled);
    // Bots are stored and rolled up but not counted (CLICK_COUNT_BOTS=false).
    const humans = clicks.filter((c) => !c.bot && c.linkId === copied[0]).reduce((sum, c) => sum + c.count, 0);
    expect((await stored(copied[0]!)).total).toBe(humans);
  });

  it("leaves a redelivered batch to the INSERT statement, which stores it once", async () => {
    const linkId = await createLink();
    const clicks = batch([linkId], 150);
    expect(await writer.write(clicks)).not.toBeNull();
    const before = await stored(linkId);

    expect(await writer.write(clicks)).toBeNull();
    // Half of it again, with new clicks: the whole batch goes to the INSERT statement.
    const mixed = [...clicks.slice(0, 75), ...batch([linkId], 75, Date.now() - 10_000)];
    expect(await writer.write(mixed)).toBeNull();
    const message = await test.app.services.db.$transaction((tx) => writeClicks(tx, mixed, { countBots: false }));

    const after = await stored(linkId);
    expect(after.rows).toHaveLength(before.rows.length + 75);
    const added = mixed
      .slice(75)
      .filter((c) => !c.bot)
      .reduce((sum, c) => sum + c.count, 0);
    expect(after.total).toBe(before.total + added);
    expect(message.totals).toEqual([{ linkId, total: before.total + added, added }]);
  });

  it("keeps and counts nothing of a deleted link, and the rest of the batch", async () => {
    const kept = await createLink();
    const deleted = await createLink();
    await admin.query(`DELETE FROM "Link" WHERE id = $1`, [deleted]);
    const clicks = batch([kept, deleted], 200);

    const message = await writer.write(clicks);

    expect(message!.totals.map((t) => t.linkId)).toEqual([kept]);
    expect(message!.settled.every((s) => s.linkId === kept)).toBe(true);
    expect((await admin.query(`SELECT count(*)::int AS n FROM "Click" WHERE "linkId" = $1`, [deleted])).rows[0].n).toBe(0);
    expect((await admin.query(`SELECT count(*)::int AS n FROM "ClickRollup" WHERE "linkId" = $1`, [deleted])).rows[0].n).toBe(0);
    expect((await stored(kept)).rows).toHaveLength(100);
  });

  it("leaves a batch that crosses a click milestone, and small batches, to the INSERT statement's transaction", async () => {
    const linkId = await createLink();
    const milestones = createCopyClickWriter({ connectionString: inject("databaseUrl"), countBots: false, milestones: [100], log });
    try {
      expect(await milestones.write(batch([linkId], COPY_MIN_ROWS - 1))).toBeNull();
      expect(await milestones.write(batch([linkId], 120))).toBeNull();
      expect((await stored(linkId)).rows).toHaveLength(0);
      expect((await stored(linkId)).total).toBe(0);
    } finally {
      await milestones.close();
    }
  });

  it("writes again after PostgreSQL ended its connections", async () => {
    const linkId = await createLink();
    // Its own connections, by name: other test files share this database.
    const name = `copy-writer-test-${process.pid}`;
    const url = new URL(inject("databaseUrl"));
    url.searchParams.set("application_name", name);
    const own = createCopyClickWriter({ connectionString: url.toString(), countBots: false, milestones: [], log });
    try {
      expect(await own.write(batch([linkId], 100))).not.toBeNull();
      const ended = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [name]);
      expect(ended.rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));

      const again = batch([linkId], 100, Date.now() - 5_000);
      // The idle connection it lost is replaced; no error reaches the caller, nothing crashes.
      expect(await own.write(again)).not.toBeNull();
      expect((await stored(linkId)).rows).toHaveLength(200);
    } finally {
      await own.close();
    }
  });

  it("is what the app's pipeline uses for a large backlog, unless the batch crosses a milestone (default 10, 100, 1000, …)", async () => {
    const linkId = await createLink();
    const pipeline = test.app.services.clickPipeline;
    let visitor = 0;
    const backlog = (n: number) =>
      test.countStatements(async () => {
        for (let k = 0; k < n; k++, visitor++)
          pipeline.record({
            at: Date.now(),
            linkId,
            referrer: undefined,
            userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36",
            peer: `10.0.${visitor >> 8}.${visitor & 255}`,
            forwardedFor: undefined,
            country: undefined,
            capped: false,
          });
        await pipeline.flush();
      });
    const insertsOfClicks = (statements: string[]) => statements.filter((sql) => sql.includes(`INSERT INTO "Click"`)).length;

    // 0 → 120 crosses 10 and 100: the INSERT statement's transaction, which queues the milestone events.
    expect(insertsOfClicks((await backlog(120)).statements)).toBe(1);
    // 120 → 520 crosses none: COPY, nothing through Prisma.
    expect(insertsOfClicks((await backlog(400)).statements)).toBe(0);

    const link = await stored(linkId);
    expect(link.rows).toHaveLength(520);
    expect(link.total).toBe(520);
    expect(link.rollups.reduce((sum, row) => sum + row.clicks, 0)).toBe(520);
  });
});
