// Redirect throughput with 10,000 links spread over 100 custom domains (every request a different
// Host and slug) against the plain single-domain redirect, on the same server in the same run; and
// against 10,000 links on the default domain, which isolates what routing by Host costs.
import http from "node:http";
import pg from "pg";
import type { BenchmarkRow } from "./redirect.js";
import { load, type LoadResult } from "./lib/load.js";
import { graphql, signUpAndCreateLinks, startLinkgraph } from "./lib/processes.js";
import { createScratchDatabase } from "./lib/scratch-db.js";

const DOMAINS = 100;
const LINKS_PER_DOMAIN = 100;

type Target = { host: string; path: string };
type Request = { path: string; headers: Record<string, string> };

export async function benchRedirectDomains(options: { durationSeconds: number; connections: number }): Promise<BenchmarkRow[]> {
  const port = Number(process.env.BENCH_DOMAINS_PORT ?? 4104);
  const database = await createScratchDatabase("domains");
  // Entries must outlive the run: every (host, slug) is loaded once in the warm-up, then only hit.
  const app = await startLinkgraph(port, { DATABASE_URL: database.url, DOMAIN_CHECK_POLL_MS: "0", LINK_CACHE_TTL_MS: "3600000" });
  try {
    const { slugs } = await signUpAndCreateLinks(app.url, 1);
    const { onDomains, onDefault } = await seed(database.url);
    // Any domain change makes every instance reload its domains: this one now knows the 100 seeded
    // (added by someone else: a workspace holds at most 50).
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { token } = await signUpAndCreateLinks(app.url, 0);
    await graphql(
      app.url,
      `
        mutation {
          addDomain(input: { hostname: "reload.bench.example" }) {
            domain {
              id
            }
          }
        }
      `,
      {},
      token,
    );

    const host = `127.0.0.1:${port}`;
    const single: Target[] = [{ host, path: `/${slugs[0]}` }];
    const defaultTargets = onDefault.map((path) => ({ host, path }));
    await warm(port, [...single, ...onDomains, ...defaultTargets]);

    const rotate = (targets: Target[]) => {
      let next = 0;
      return ((request: Request) => {
        const target = targets[next++ % targets.length]!;
        request.path = target.path;
        request.headers = { ...request.headers, host: target.host };
        return request;
      }) as never;
    };
    const runs: Array<Record<"single" | "defaultDomain" | "domains", LoadResult>> = [];
    // Alternating rounds, so drifting machine load hits every side alike.
    for (let round = 0; round < 2; round++) {
      runs.push({
        single: await load(`${app.url}/`, { ...options, setupRequest: rotate(single) }),
        defaultDomain: await load(`${app.url}/`, { ...options, setupRequest: rotate(defaultTargets) }),
        domains: await load(`${app.url}/`, { ...options, setupRequest: rotate(onDomains) }),
      });
    }
    const total = (side: keyof (typeof runs)[number]) => runs.reduce((sum, run) => sum + run[side].requestsPerSecond, 0);
    const vsSingle = total("domains") / total("single");
    const vsDefault = total("domains") / total("defaultDomain");
    return [
      {
        name: `redirect, ${DOMAINS * LINKS_PER_DOMAIN} links over ${DOMAINS} domains vs one link on the default domain`,
        goal: "≥ 0.90×",
        ratio: vsSingle,
        met: vsSingle >= 0.9,
        detail: { connections: options.connections, runs },
      },
      {
        name: `same, vs ${DOMAINS * LINKS_PER_DOMAIN} links on the default domain (what Host routing costs)`,
        goal: "≥ 0.90×",
        ratio: vsDefault,
        met: vsDefault >= 0.9,
        detail: {},
      },
    ];
  } finally {
    await app.stop();
    await database.drop();
  }
}

/** 100 verified domains with 100 links each, and 10,000 links on the default domain, written straight to the database. */
async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ workspaceId: string; ownerId: string }>(`SELECT "workspaceId", "ownerId" FROM "Link" LIMIT 1`);
    const { workspaceId, ownerId } = rows[0]!;
    await client.query(
      `INSERT INTO "Domain" (id, "workspaceId", hostname, status, "verificationToken", "verifiedAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 'd' || n || '.bench.example', 'VERIFIED', 't', now(), now() FROM generate_series(1, $2::int) n`,
      [workspaceId, DOMAINS],
    );
    await client.query(
      `INSERT INTO "Link" (id, "workspaceId", "ownerId", "domainId", slug, url, "updatedAt")
       SELECT gen_random_uuid(), $1, $2, d.id, 's' || n, 'https://example.com/' || d.hostname || '/' || n, now()
       FROM "Domain" d CROSS JOIN generate_series(1, $3::int) n WHERE d."workspaceId" = $1`,
      [workspaceId, ownerId, LINKS_PER_DOMAIN],
    );
    await client.query(
      `INSERT INTO "Link" (id, "workspaceId", "ownerId", slug, url, "updatedAt")
       SELECT gen_random_uuid(), $1, $2, 'p' || n, 'https://example.com/p/' || n, now() FROM generate_series(1, $3::int) n`,
      [workspaceId, ownerId, DOMAINS * LINKS_PER_DOMAIN],
    );
    const onDomains: Target[] = [];
    for (let n = 1; n <= LINKS_PER_DOMAIN; n++) for (let d = 1; d <= DOMAINS; d++) onDomains.push({ host: `d${d}.bench.example`, path: `/s${n}` });
    const onDefault = Array.from({ length: DOMAINS * LINKS_PER_DOMAIN }, (_, i) => `/p${i + 1}`);
    return { onDomains, onDefault };
  } finally {
    await client.end();
  }
}

/** Requests every target once (32 at a time), so the measured runs are cache hits only. */
async function warm(port: number, targets: Target[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const target = targets[next++]!;
      await new Promise<void>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path: target.path, headers: { host: target.host }, agent }, (response) => {
            response.resume();
            response.on("end", () =>
              response.statusCode === 302 ? resolve() : reject(new Error(`${target.host}${target.path}: ${response.statusCode}`)),
            );
          })
          .on("error", reject);
      });
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  agent.destroy();
}
