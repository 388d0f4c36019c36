import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Domain } from "../generated/prisma/client.js";
import type { Logger } from "../platform/logger.js";
import type { DomainProbe } from "./domain-probe.js";
import type { DomainRegistry } from "./domain-registry.js";
import { nextDomainState } from "./domain-state.js";
import { checkOwnership } from "./ownership-check.js";

export interface DomainChecker {
  /** Checks one domain now and stores the outcome (the verifyDomain use case). */
  check(domain: Domain): Promise<Domain>;
  start(): void;
  stop(): Promise<void>;
}

// A claimed domain is not claimed again by another instance for this long (a check takes seconds).
const CLAIM_LEASE_MS = 120_000;
const BATCH = 10;

/**
 * Checks due domains (nextCheckAt passed) every DOMAIN_CHECK_POLL_MS. Instances claim domains
 * with FOR UPDATE SKIP LOCKED and push nextCheckAt past a lease, so each is checked by one of them.
 */
export function createDomainChecker(options: { db: Db; probe: DomainProbe; domains: DomainRegistry; config: Config; log: Logger }): DomainChecker {
  const { db, probe, domains, log } = options;
  const settings = options.config.domainChecks;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function check(domain: Domain) {
    const result = await checkOwnership(probe, domain.hostname, domain.verificationToken, {
      attempts: settings.attempts,
      retryDelayMs: settings.retryDelayMs,
    });
    const state = nextDomainState(domain, result, new Date(), settings);
    const updated = await db.domain.update({ where: { id: domain.id }, data: state });
    if (updated.status !== domain.status) {
      log.info({ domain: domain.hostname, from: domain.status, to: updated.status, error: updated.lastCheckError }, "domain status changed");
      await domains.changed();
    }
    return updated;
  }

  async function tick() {
    const due = await db.$queryRaw<Array<{ id: string }>>`
      UPDATE "Domain" SET "nextCheckAt" = now() + ${CLAIM_LEASE_MS} * interval '1 millisecond'
      WHERE id IN (SELECT id FROM "Domain" WHERE NOT "isDefault" AND "nextCheckAt" <= now()
                   ORDER BY "nextCheckAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    if (!due.length) return;
    const rows = await db.domain.findMany({ where: { id: { in: due.map((row) => row.id) } } });
    await Promise.all(
      rows.map((domain) => check(domain).catch((error: unknown) => log.warn({ err: error, domain: domain.hostname }, "domain check failed"))),
    );
  }

  return {
    check,
    start() {
      if (timer || settings.pollMs === 0) return;
      timer = setInterval(() => {
        running ??= tick()
          .catch((error: unknown) => log.warn({ err: error }, "domain checker tick failed"))
          .finally(() => (running = undefined));
      }, settings.pollMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
