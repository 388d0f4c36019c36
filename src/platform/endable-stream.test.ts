import { describe, expect, it } from "vitest";
import { endableStream } from "./endable-stream.js";

async function* numbers(failAfter?: number) {
  for (let n = 1; ; n++) {
    if (failAfter !== undefined && n > failAfter) throw new Error("source failed");
    yield n;
  }
}

describe("endableStream", () => {
  it("answers done at once when ended from outside, and finishes once", async () => {
    let finished = 0;
    const { stream, end } = endableStream(numbers(), () => finished++);
    expect(await stream.next()).toEqual({ value: 1, done: false });
    end();
    end();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(finished).toBe(1);
  });

  it("finishes when its source fails, and passes the failure on", async () => {
    let finished = 0;
    const { stream } = endableStream(numbers(1), () => finished++);
    expect(await stream.next()).toEqual({ value: 1, done: false });
    await expect(stream.next()).rejects.toThrow("source failed");
    expect(finished).toBe(1);
  });
});
