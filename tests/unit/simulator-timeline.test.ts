import { describe, expect, it } from "vitest";
import { phaseDurations, viewTask } from "@/lib/simulator/task-timeline";
import type { SimTask } from "@/lib/simulator/types";

function task(overrides: Partial<SimTask> = {}): SimTask {
  return {
    taskId: "100000000000000001",
    externalTaskId: undefined,
    createdAt: 1_000_000,
    prompt: "p",
    mode: "std",
    aspectRatio: "16:9",
    durationSeconds: 5,
    backgroundImage: undefined,
    baseVideoUrl: undefined,
    callbackUrl: undefined,
    ...phaseDurations("std", 1),
    failMessage: undefined,
    video: undefined,
    renderError: undefined,
    notifiedStatus: "submitted",
    ...overrides,
  };
}

describe("simulator timeline", () => {
  it("scales phases with speed, and pro takes longer than std", () => {
    expect(phaseDurations("std", 1)).toEqual({ submittedMs: 2000, processingMs: 8000 });
    expect(phaseDurations("std", 0.1)).toEqual({ submittedMs: 200, processingMs: 800 });
    expect(phaseDurations("pro", 1).processingMs).toBeGreaterThan(8000);
  });

  it("derives the status from the clock and the render", () => {
    const t = task();
    expect(viewTask(t, 1_000_000 + 1999).status).toBe("submitted");
    expect(viewTask(t, 1_000_000 + 2000)).toMatchObject({
      status: "processing",
      updatedAt: 1_002_000,
    });
    expect(viewTask(t, 1_000_000 + 6000).progress).toBe(50);
    // Due, but the MP4 is not there yet: still processing.
    expect(viewTask(t, 1_000_000 + 20_000).status).toBe("processing");
    const rendered = task({
      video: { fileName: "x.mp4", durationSeconds: 5, renderedAt: 1_003_000 },
    });
    expect(viewTask(rendered, 1_000_000 + 9999).status).toBe("processing");
    expect(viewTask(rendered, 1_000_000 + 10_000)).toMatchObject({
      status: "succeed",
      updatedAt: 1_010_000,
      progress: 100,
    });
    const late = task({ video: { fileName: "x.mp4", durationSeconds: 5, renderedAt: 1_015_000 } });
    expect(viewTask(late, 1_020_000)).toMatchObject({ status: "succeed", updatedAt: 1_015_000 });
  });

  it("fails a scripted task halfway through processing, with its message", () => {
    const t = task({ failMessage: "Failure to pass the risk control system" });
    expect(viewTask(t, 1_000_000 + 5999).status).toBe("processing");
    expect(viewTask(t, 1_000_000 + 6000)).toMatchObject({
      status: "failed",
      statusMessage: "Failure to pass the risk control system",
    });
  });

  it("fails a task whose render failed", () => {
    const t = task({ renderError: { message: "Internal error", at: 1_004_000 } });
    expect(viewTask(t, 1_004_500)).toMatchObject({ status: "failed", updatedAt: 1_004_000 });
  });
});
