import { availableParallelism } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { withMediaSlot } from "@/lib/worker/media-gate";
import { setStageRecorder } from "@/lib/worker/stage-clock";
import { SyncWorker } from "@/lib/worker/sync-worker";
import { INPUT, type PipelineEnv, startPipelineEnv } from "./pipeline-helpers";

/**
 * When the worker acts: a due poll fires at its nextCheckAt (not at the next tick), and
 * ffprobe/ffmpeg work runs a few at a time, apart from provider checks.
 */
let env: PipelineEnv;
beforeAll(async () => {
  env = await startPipelineEnv({ WORKER_MIN_POLL_MS: "200" });
});
afterAll(async () => {
  setStageRecorder(undefined);
  await env.close();
});

describe("worker timing", () => {
  it("polls at each row's due time even when its regular tick is a minute away", async () => {
    const created = await createGeneration({ ...INPUT, prompt: "Due timer" });
    const stages: string[] = [];
    setStageRecorder((id, stage) => {
      if (id === created.id) stages.push(stage);
    });
    // One start tick, then only the due timer (and finished work) can move it along.
    const worker = new SyncWorker({ tickMs: 60_000, leaseMs: 10_000 });
    worker.start();
    try {
      const deadline = Date.now() + 20_000;
      let row = await findGenerationRow(created.id);
      while (row?.status !== "succeeded" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        row = await findGenerationRow(created.id);
      }
      expect(row?.status).toBe("succeeded");
      // stop() waits for the poster, which follows the stored row (add-poster.ts).
      await worker.stop();
      expect(stages.filter((stage) => stage === "claimed").length).toBeGreaterThanOrEqual(1);
      expect(stages.slice(-5)).toEqual(["queried", "downloaded", "probed", "released", "postered"]);
    } finally {
      await worker.stop();
    }
  });

  it("runs media work at most a few jobs at a time, first come first served", async () => {
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        withMediaSlot(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(n);
          running -= 1;
        }),
      ),
    );
    // "A few": never all eight at once, never more than four (the cap for any machine),
    // and with two or more cores more than one at a time.
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThanOrEqual(availableParallelism() >= 2 ? 2 : 1);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
