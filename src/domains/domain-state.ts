import type { DomainStatus } from "../generated/prisma/enums.js";
import type { CheckResult } from "./ownership-check.js";

export interface CheckSchedule {
  /** A verified domain is checked again this long after its last success. */
  recheckMs: number;
  /** After a failure: retryBaseMs × 2^(failures-1), at most retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
}

interface CheckedDomain {
  status: DomainStatus;
  verifiedAt: Date | null;
  failingSince: Date | null;
  checkFailures: number;
}

/**
 * The verification state machine: PENDING → VERIFIED on the first success; VERIFIED → FAILING when
 * a re-check fails (links keep redirecting meanwhile); FAILING → VERIFIED when one succeeds again.
 * A PENDING domain that fails stays PENDING and is retried with back-off.
 */
export function nextDomainState(domain: CheckedDomain, result: CheckResult, now: Date, schedule: CheckSchedule) {
  const checked = { lastCheckedAt: now };
  if (result.ok) {
    return {
      ...checked,
      status: "VERIFIED" as DomainStatus,
      verifiedAt: domain.status === "PENDING" || !domain.verifiedAt ? now : domain.verifiedAt,
      failingSince: null,
      checkFailures: 0,
      lastCheckError: null,
      nextCheckAt: new Date(now.getTime() + schedule.recheckMs),
    };
  }
  const failures = domain.checkFailures + 1;
  const delay = Math.min(schedule.retryBaseMs * 2 ** Math.min(failures - 1, 30), schedule.retryMaxMs);
  return {
    ...checked,
    status: (domain.status === "PENDING" ? "PENDING" : "FAILING") as DomainStatus,
    verifiedAt: domain.verifiedAt,
    failingSince: domain.status === "PENDING" ? null : (domain.failingSince ?? now),
    checkFailures: failures,
    lastCheckError: result.error.slice(0, 500),
    nextCheckAt: new Date(now.getTime() + delay),
  };
}
