import { describe, expect, it } from "vitest";
import { createSlotGate } from "@/lib/worker/slot-gate";

describe("createSlotGate", () => {
  it("runs at most `limit` jobs at once, in arrival order", async () => {
    const gate = createSlotGate(() => 2);
    const started: number[] = [];
    let peak = 0;
    const releases: (() => void)[] = [];
    const jobs = [0, 1, 2, 3, 4].map((n) =>
      gate.run(async () => {
        started.push(n);
        peak = Math.max(peak, gate.active);
        await new Promise<void>((resolve) => releases.push(resolve));
        return n;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    while (releases.length > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(gate.active).toBe(0);
  });

  it("frees the slot when a job throws", async () => {
    const gate = createSlotGate(() => 1);
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "next")).toBe("next");
    expect(gate.active).toBe(0);
  });
});
