import { describe, expect, it } from "vitest";
import { nextDomainState } from "./domain-state.js";

const schedule = { recheckMs: 6 * 3_600_000, retryBaseMs: 60_000, retryMaxMs: 3_600_000 };
const now = new Date("2026-12-02T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const failed = { ok: false as const, error: "no TXT record _linkgraph.go.example.com" };

describe("domain verification state machine", () => {
  it("keeps a failing PENDING domain pending, retrying after 1, 2, 4 … minutes, at most an hour", () => {
    let domain = { status: "PENDING" as const, verifiedAt: null, failingSince: null, checkFailures: 0 };
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const next = nextDomainState(domain, failed, now, schedule);
      expect(next).toMatchObject({ status: "PENDING", failingSince: null, lastCheckError: failed.error });
      delays.push((next.nextCheckAt.getTime() - now.getTime()) / 60_000);
      domain = { ...domain, checkFailures: next.checkFailures };
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("goes PENDING → VERIFIED → FAILING (since the first failure) → VERIFIED, keeping the first verification time", () => {
    const verified = nextDomainState(
      { status: "PENDING", verifiedAt: null, failingSince: null, checkFailures: 3 },
      { ok: true, method: "TXT" },
      now,
      schedule,
    );
    expect(verified).toMatchObject({
      status: "VERIFIED",
      verifiedAt: now,
      checkFailures: 0,
      lastCheckError: null,
      nextCheckAt: later(schedule.recheckMs),
    });
    const failing = nextDomainState({ ...verified, failingSince: null }, failed, later(1000), schedule);
    expect(failing).toMatchObject({ status: "FAILING", failingSince: later(1000), checkFailures: 1 });
    const stillFailing = nextDomainState(failing, failed, later(2000), schedule);
    expect(stillFailing).toMatchObject({ status: "FAILING", failingSince: later(1000), checkFailures: 2 });
    const back = nextDomainState(stillFailing, { ok: true, method: "HTTP" }, later(3000), schedule);
    expect(back).toMatchObject({ status: "VERIFIED", verifiedAt: now, failingSince: null, checkFailures: 0 });
  });
});
