import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../platform/logger.js";
import type { Metrics } from "../platform/metrics.js";
import { createAddressPolicy } from "./address-policy.js";
import { claimDueDeliveries, disableIfFailing, pruneDeliveries, recordAttempt, type ClaimedDelivery, type Resolution } from "./delivery-store.js";
import { sendWebhook, type SendOutcome } from "./http-sender.js";
import { retryDelayMs } from "./retry-policy.js";
import { signatureHeaders } from "./signing.js";

export interface WebhookWorker {
  readonly id: string;
  start(): void;
  /** Claims due deliveries now instead of at the next poll. */
  wake(): void;
  /** Stops claiming and waits (up to `graceMs`) for attempts in flight; unfinished ones are retried after their lease. */
  stop(graceMs?: number): Promise<void>;
}

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Delivers the outbox. Every instance may run one: workers coordinate only through the database
 * (SKIP LOCKED claims, leases fenced by attempt number), so they never send the same attempt twice
 * and a crashed worker's deliveries are picked up once its leases expire. It polls, because
 * LISTEN/NOTIFY does not work with the embedded database.
 */
export function createWebhookWorker(
  deps: { db: Db; config: Config; log: Logger; metrics?: Pick<Metrics, "webhookDeliveries"> },
  options: { id?: string } = {},
): WebhookWorker {
  const { db, config } = deps;
  const settings = config.webhooks;
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = deps.log.child({ component: "webhook-worker", workerId: id });
  const policy = createAddressPolicy(config.webhookAllowedHosts);
  // Long enough to outlast an attempt (its timeout) and record it; a lease that does expire only
  // means the delivery may be sent once more, which at-least-once delivery allows.
  const leaseMs = settings.timeoutMs + Math.max(2_000, settings.timeoutMs);

  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let pollAgain = false;
  let stopped = true;
  let nextPruneAt = Date.now() + 60_000 * Math.random();

  function schedule(delayMs: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void poll(), delayMs);
  }

  async function poll() {
    if (polling) {
      pollAgain = true;
      return polling;
    }
    polling = (async () => {
      do {
        pollAgain = false;
        await claimAndSend();
      } while (pollAgain && !stopped);
      if (Date.now() >= nextPruneAt) void prune();
    })();
    try {
      await polling;
    } finally {
      polling = undefined;
      schedule(settings.pollIntervalMs);
    }
  }

  async function claimAndSend() {
    const free = settings.concurrency - inFlight.size;
    if (free <= 0 || stopped) return;
    let claimed: ClaimedDelivery[];
    try {
      claimed = await claimDueDeliveries(db, id, free, leaseMs);
    } catch (error) {
      log.error({ err: error }, "could not claim webhook deliveries; will retry");
      return;
    }
    for (const delivery of claimed) {
      const attempt = deliver(delivery).finally(() => {
        inFlight.delete(attempt);
        if (!stopped) schedule(0);
      });
      inFlight.add(attempt);
    }
    if (claimed.length === free) pollAgain = true;
  }

  async function deliver(delivery: ClaimedDelivery) {
    const outcome = await sendWebhook({
      url: delivery.url,
      body: delivery.body,
      headers: signatureHeaders(delivery.secrets, delivery.eventId, delivery.body),
      timeoutMs: settings.timeoutMs,
      policy,
      requireHttps: config.isProduction,
    });
    const resolution = resolve(delivery, outcome);
    deps.metrics?.webhookDeliveries.inc({ outcome: resolution.kind });
    const result = {
      status: outcome.status,
      latencyMs: outcome.latencyMs,
      error: outcome.ok ? undefined : outcome.error,
      responseBody: outcome.responseBody,
    };
    try {
      const recorded = await recordAttempt(db, id, delivery, result, resolution);
      log.debug({ deliveryId: delivery.id, eventId: delivery.eventId, attempt: delivery.attempts, ...result, resolution }, "webhook attempt");
      if (!recorded) {
        log.warn({ deliveryId: delivery.id, attempt: delivery.attempts }, "webhook delivery was deleted or re-leased while being attempted");
        return;
      }
      if (!outcome.ok && recorded.consecutiveFailures >= settings.disableAfterFailures) {
        const disabled = await disableIfFailing(db, recorded.webhookId, settings.disableAfterFailures, settings.disableAfterMs, outcome.error);
        if (disabled) log.warn({ webhookId: recorded.webhookId, failures: recorded.consecutiveFailures }, "webhook disabled after repeated failures");
      }
    } catch (error) {
      // The lease will expire and the delivery will be attempted again.
      log.error({ err: error, deliveryId: delivery.id }, "could not record a webhook attempt");
    }
  }

  function resolve(delivery: ClaimedDelivery, outcome: SendOutcome): Resolution {
    if (outcome.ok) return { kind: "delivered" };
    const attemptsThisRound = delivery.attempts - delivery.attemptsBase;
    if (!outcome.retryable || attemptsThisRound >= settings.maxAttempts) return { kind: "failed" };
    return { kind: "retry", delayMs: retryDelayMs(attemptsThisRound, settings, outcome.retryAfterMs) };
  }

  async function prune() {
    nextPruneAt = Date.now() + PRUNE_INTERVAL_MS;
    try {
      const deleted = await pruneDeliveries(db, settings.retentionDays);
      if (deleted > 0) log.info({ deleted, retentionDays: settings.retentionDays }, "pruned old webhook deliveries");
    } catch (error) {
      log.error({ err: error }, "could not prune webhook deliveries");
    }
  }

  return {
    id,
    start() {
      if (!stopped) return;
      stopped = false;
      log.info({ pollIntervalMs: settings.pollIntervalMs, concurrency: settings.concurrency }, "webhook worker started");
      schedule(0);
    },
    wake: () => schedule(0),
    async stop(graceMs = config.shutdownTimeoutMs) {
      stopped = true;
      clearTimeout(timer);
      await polling;
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (timeout = setTimeout(resolve, graceMs)))]);
      clearTimeout(timeout);
    },
  };
}
