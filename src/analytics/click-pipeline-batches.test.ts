import { describe, expect, it } from "vitest";
import { createLogger } from "../platform/logger.js";
import { createLocalPubSub } from "../platform/pubsub.js";
import type { CapturedClick, EnrichedClick, TotalsMessage } from "./click-event.js";
import { createClickPipeline, type ClickSink } from "./click-pipeline.js";
import { createEnricher } from "./enrich.js";

// The pipeline's contract with its sink, whatever the sink: batches in order, one at a time, and a
// retried batch handed over with the same click ids (so a batch stored before its error was
// reported counts once). The sinks themselves are tested against PostgreSQL and Redis elsewhere.

const AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

function pipelineWith(sink: ClickSink, batchSize: number) {
  return createClickPipeline({
    capture: true,
    origin: "test",
    sink,
    bus: createLocalPubSub().channel<TotalsMessage>("clicks:totals"),
    log: createLogger("silent"),
    enrich: createEnricher({ origin: "test", trustProxy: { kind: "none" }, storeIp: false, saltFor: async () => Buffer.alloc(16, 7) }),
    batchSize,
    bufferMax: 100_000,
    flushIntervalMs: 60_000,
  });
}

const visit = (k: number): CapturedClick => ({
  at: Date.now(),
  linkId: "00000000-0000-4000-8000-000000000001",
  referrer: undefined,
  userAgent: AGENT,
  peer: `10.0.${k >> 8}.${k & 255}`,
  forwardedFor: undefined,
  country: undefined,
  capped: false,
});

describe("the click pipeline's batches", () => {
  it("are written one at a time, in order, every click once", async () => {
    const written: EnrichedClick[][] = [];
    let writing = 0;
    let overlapped = false;
    const pipeline = pipelineWith(
      {
        kind: "memory",
        async deliver(batch) {
          if (writing++) overlapped = true;
          await new Promise((resolve) => setTimeout(resolve, 5));
          written.push(batch);
          writing--;
        },
        settle: async () => {},
        stop: async () => {},
      },
      250,
    );
    for (let k = 0; k < 1_000; k++) pipeline.record(visit(k));
    await pipeline.flush();

    expect(overlapped).toBe(false);
    expect(written.map((batch) => batch.length)).toEqual([250, 250, 250, 250]);
    const visitors = written.flat().map((row) => row.visitor);
    expect(new Set(visitors).size).toBe(1_000);
    expect(new Set(written.flat().map((row) => row.id)).size).toBe(1_000);
    expect(pipeline.stats()).toMatchObject({ accepted: 1_000, delivered: 1_000, buffered: 0 });
  });

  it("hands a failed batch over again with the same click ids", async () => {
    const attempts: string[][] = [];
    const pipeline = pipelineWith(
      {
        kind: "memory",
        async deliver(batch) {
          attempts.push(batch.map((row) => row.id));
          if (attempts.length === 1) throw new Error("connection lost after COMMIT");
        },
        settle: async () => {},
        stop: async () => {},
      },
      500,
    );
    for (let k = 0; k < 300; k++) pipeline.record(visit(k));
    await pipeline.flush();

    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toEqual(attempts[0]);
    expect(pipeline.stats()).toMatchObject({ delivered: 300, failures: 1 });
  });
});
