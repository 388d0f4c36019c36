import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { BROWSER_UA, CLICK_COUNTS, click, sseSubscribe, subscribe, totalsOf, wsClient } from "./helpers/live.js";
import { freePort } from "./helpers/prometheus.js";
import { TEST_JWT_SECRET, TEST_PUBLIC_BASE_URL, testDatabase } from "./helpers/test-app.js";
import { until } from "./helpers/webhook-receiver.js";

/** One real server process, started as a user would: `node --import tsx src/server.ts`. */
interface Instance {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  output: string[];
  gql(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; data: any; errors?: any[] }>;
}

const REDIS_URL = "redis://127.0.0.1:6379";
const prefix = `test:two-instances:${randomUUID()}:`;
// Stale entries would survive this long without invalidation: far longer than any wait below.
const LINK_CACHE_TTL_MS = "600000";
const ANONYMOUS_POINTS = 6;
const LOGIN_FAILURES = 3;

async function startInstance(name: string, databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_URL: databaseUrl,
      DATA_DIR: "memory://",
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      LOG_LEVEL: "warn",
      CLICK_FLUSH_INTERVAL_MS: "50",
      LIVE_COUNTS_INTERVAL_MS: "50",
      LINK_CACHE_TTL_MS,
      WEBHOOK_WORKER: "false",
      // Clients below say who they are in X-Forwarded-For, so each check has its own address.
      TRUST_PROXY: "127.0.0.1/8",
      RATE_LIMIT_ANONYMOUS_POINTS: String(ANONYMOUS_POINTS),
      RATE_LIMIT_USER_POINTS: "1000000",
      RATE_LIMIT_REDIRECTS_PER_MINUTE: "1000000",
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(LOGIN_FAILURES),
      ...env,
    },
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    name,
    baseUrl,
    child,
    output,
    async gql(query, variables, options = {}) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: any; errors?: any[] };
      return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
    },
  };
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output.join("")}`);
      return fetch(`${baseUrl}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
    },
    45_000,
    () => `${name} ready on ${baseUrl}; output:\n${output.join("")}`,
  );
  return instance;
}

async function stopInstance(instance: Instance | undefined) {
  if (!instance || instance.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => instance.child.once("exit", () => resolve()));
  instance.child.kill("SIGTERM");
  const timer = setTimeout(() => instance.child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

const CREATE_LINK = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug url } } }`;
const UPDATE_LINK = `mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { link { id url } } }`;
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
const LOG_IN = `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`;

// Needs PostgreSQL: two processes cannot share one embedded (in-process PGlite) database.
describe.skipIf(testDatabase() === "embedded")("two server processes on one PostgreSQL and one Redis", () => {
  let a: Instance;
  let b: Instance;
  let token: string;
  const setup = { "x-forwarded-for": "198.51.100.10" };

  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl");
    // One after the other: the second finds the migrations applied.
    a = await startInstance("A", databaseUrl);
    b = await startInstance("B", databaseUrl);
    const signUp = await a.gql(
      SIGN_UP,
      { input: { email: `two-${randomUUID()}@example.com`, password: "correct horse battery" } },
      { headers: setup },
    );
    expect(signUp.errors).toBeUndefined();
    token = signUp.data.signUp.accessToken;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  }, 60_000);

  async function createLink(url: string) {
    const result = await a.gql(CREATE_LINK, { input: { url } }, { token });
    expect(result.errors).toBeUndefined();
    return result.data.createLink.link as { id: string; slug: string; url: string };
  }

  it("delivers a click served by A as a live count to subscribers of B (graphql-ws and SSE)", async () => {
    const link = await createLink("https://example.com/live-across");
    const client = wsClient(b, token);
    const overWs = subscribe(client, CLICK_COUNTS, { linkIds: [link.id] });
    const overSse = await sseSubscribe(b, token, CLICK_COUNTS, { linkIds: [link.id] });
    try {
      expect(overSse.status).toBe(200);
      await until(
        () => totalsOf(overWs, link.id).length > 0 && totalsOf(overSse, link.id).length > 0,
        15_000,
        () => "initial totals on B",
      );
      expect(totalsOf(overWs, link.id)).toEqual([0]);

      for (let i = 0; i < 3; i++) expect(await click(a.baseUrl, link.slug)).toBe(302);
      await until(
        () => totalsOf(overWs, link.id).at(-1) === 3 && totalsOf(overSse, link.id).at(-1) === 3,
        15_000,
        () => `B's subscribers saw ws ${JSON.stringify(totalsOf(overWs, link.id))}, sse ${JSON.stringify(totalsOf(overSse, link.id))}`,
      );
      expect(overWs.failure).toBeUndefined();
    } finally {
      overWs.stop();
      overSse.close();
      await client.dispose();
    }
  });

  it("moves B's live counts with clicks another instance has not stored yet, never backwards, ending on the stored total", async () => {
    // C stores its clicks only when it stops: its live counts can only come from its announcements.
    const c = await startInstance("C", inject("databaseUrl"), { CLICK_FLUSH_INTERVAL_MS: "60000" });
    const link = await createLink("https://example.com/live-deltas");
    const client = wsClient(b, token);
    const received = subscribe(client, CLICK_COUNTS, { linkIds: [link.id] });
    const stored = async () =>
      (await b.gql(`query ($slug: String!) { link(slug: $slug) { clickCount } }`, { slug: link.slug }, { token })).data.link.clickCount as number;
    try {
      await until(
        () => totalsOf(received, link.id).length > 0,
        15_000,
        () => "initial total on B",
      );
      for (let i = 0; i < 5; i++) expect(await click(c.baseUrl, link.slug)).toBe(302);
      for (let i = 0; i < 5; i++) expect(await click(a.baseUrl, link.slug)).toBe(302);
      await until(
        () => totalsOf(received, link.id).at(-1) === 10,
        15_000,
        () => `B's subscriber saw ${JSON.stringify(totalsOf(received, link.id))}`,
      );
      await until(
        async () => (await stored()) === 5,
        15_000,
        () => "A's clicks stored",
      );
      expect(await stored()).toBe(5);

      await stopInstance(c);
      await until(
        async () => (await stored()) === 10,
        15_000,
        () => "C's clicks stored at shutdown",
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const totals = totalsOf(received, link.id);
      expect([...totals].sort((x, y) => x - y)).toEqual(totals);
      expect(totals.at(-1)).toBe(10);
      expect(received.failure).toBeUndefined();
    } finally {
      received.stop();
      await client.dispose();
      await stopInstance(c);
    }
  }, 120_000);

  it("redirects on B to a link's new target as soon as A has updated it (cache invalidation through Redis)", async () => {
    const link = await createLink("https://example.com/before");
    const visitB = () => fetch(`${b.baseUrl}/${link.slug}`, { redirect: "manual", headers: { "user-agent": BROWSER_UA } });
    // Warm B's cache (the second visit is answered from it).
    for (let i = 0; i < 2; i++) expect((await visitB()).headers.get("location")).toBe("https://example.com/before");

    const updated = await a.gql(UPDATE_LINK, { input: { id: link.id, url: "https://example.com/after" } }, { token });
    expect(updated.errors).toBeUndefined();
    const startedAt = Date.now();
    const locations: string[] = [];
    await until(
      async () => (locations.push((await visitB()).headers.get("location") ?? "none"), locations.at(-1) === "https://example.com/after"),
      2_000,
      () => `B still redirected to ${locations.at(-1)} (cache TTL is ${LINK_CACHE_TTL_MS} ms, so only invalidation can update it)`,
    );
    // Invalidation is published as the mutation commits: B answers the new target at once.
    expect(
      locations.length,
      `stale answers from B after the update returned: ${locations.length - 1} in ${Date.now() - startedAt} ms`,
    ).toBeLessThanOrEqual(2);
  });

  it("shares the anonymous GraphQL budget between A and B", async () => {
    const client = { "x-forwarded-for": "198.51.100.20" };
    const remaining: number[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < ANONYMOUS_POINTS + 2; i++) {
      const response = await (i % 2 === 0 ? a : b).gql(`{ __typename }`, {}, { headers: client });
      statuses.push(response.status);
      if (response.status === 200) remaining.push(Number(response.headers.get("ratelimit-remaining")));
      else expect(response.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    }
    // One allowance counted down by both instances, then refused by both.
    expect(remaining).toEqual([...remaining].sort((x, y) => y - x));
    expect(new Set(remaining).size).toBe(remaining.length);
    expect(remaining.at(-1)).toBe(0);
    expect(remaining.length).toBeLessThanOrEqual(ANONYMOUS_POINTS);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it("throttles password guessing for an account across A and B", async () => {
    const email = `guess-${randomUUID()}@example.com`;
    expect(
      (await a.gql(SIGN_UP, { input: { email, password: "correct horse battery" } }, { headers: { "x-forwarded-for": "198.51.100.11" } })).errors,
    ).toBeUndefined();
    const guess = (instance: Instance, i: number) =>
      instance.gql(LOG_IN, { input: { email, password: `wrong guess ${i}` } }, { headers: { "x-forwarded-for": `198.51.100.${30 + i}` } });
    const codes: string[] = [];
    for (let i = 0; i < LOGIN_FAILURES + 2; i++) codes.push((await guess(i % 2 === 0 ? a : b, i)).errors?.[0]?.extensions?.code);
    expect(codes.slice(0, LOGIN_FAILURES).every((code) => code !== "RATE_LIMITED")).toBe(true);
    expect(codes.slice(LOGIN_FAILURES)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
  });
});
