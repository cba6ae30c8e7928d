import { afterEach, describe, expect, it } from "vitest";
import {
  backOffQueue,
  clearQueueBackoff,
  queuePausedFor,
  resetQueuePause,
} from "@/lib/worker/queue-pause";

/** The queue's wait after "busy" or "down" answers to a create (Kling 429/1303/5000/5001). */
const middle = () => 0.5; // no jitter: ×1.0

afterEach(() => resetQueuePause());

describe("backOffQueue", () => {
  it("doubles the pause with each refusal in a row, up to five minutes", () => {
    const waits = Array.from({ length: 9 }, () => backOffQueue(undefined, middle));
    expect(waits).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
    expect(queuePausedFor()).toBeGreaterThan(240_000);
  });

  it("starts again from 5 s after a create went through", () => {
    backOffQueue(undefined, middle);
    backOffQueue(undefined, middle);
    clearQueueBackoff();
    expect(backOffQueue(undefined, middle)).toBe(5_000);
  });

  it("waits as long as the provider's Retry-After says", () => {
    expect(backOffQueue(12_000, middle)).toBe(12_000);
  });

  it("jitters by at most 20 %", () => {
    expect(backOffQueue(undefined, () => 0)).toBe(4_000);
    resetQueuePause();
    expect(backOffQueue(undefined, () => 0.999_999)).toBe(6_000);
  });
});
