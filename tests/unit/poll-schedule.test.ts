import { describe, expect, it } from "vitest";
import { nextCheckDelayMs } from "@/lib/worker/poll-schedule";

const fixed = () => 0.5; // jitter factor exactly 1

describe("nextCheckDelayMs", () => {
  it("waits the minimum for a young healthy task", () => {
    expect(
      nextCheckDelayMs({ taskAgeMs: 0, consecutiveErrors: 0, minPollMs: 5000, random: fixed }),
    ).toBe(5000);
  });

  it("waits longer as the task ages", () => {
    const young = nextCheckDelayMs({
      taskAgeMs: 10_000,
      consecutiveErrors: 0,
      minPollMs: 5000,
      random: fixed,
    });
    const old = nextCheckDelayMs({
      taskAgeMs: 10 * 60_000,
      consecutiveErrors: 0,
      minPollMs: 5000,
      random: fixed,
    });
    expect(old).toBeGreaterThan(young);
  });

  it("backs off exponentially on provider trouble, capped at a minute", () => {
    const delays = [0, 1, 2, 3, 10].map((errors) =>
      nextCheckDelayMs({ taskAgeMs: 0, consecutiveErrors: errors, minPollMs: 5000, random: fixed }),
    );
    expect(delays).toEqual([5000, 10_000, 20_000, 40_000, 60_000]);
  });

  it("spreads checks with ±20% jitter", () => {
    const low = nextCheckDelayMs({
      taskAgeMs: 0,
      consecutiveErrors: 0,
      minPollMs: 5000,
      random: () => 0,
    });
    const high = nextCheckDelayMs({
      taskAgeMs: 0,
      consecutiveErrors: 0,
      minPollMs: 5000,
      random: () => 0.999,
    });
    expect(low).toBe(4000);
    expect(high).toBeLessThanOrEqual(6000);
    expect(high).toBeGreaterThan(5900);
  });
});
