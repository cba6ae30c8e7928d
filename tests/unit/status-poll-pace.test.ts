import { describe, expect, it } from "vitest";
import type { GenerationView } from "@/lib/generations/generation-view";
import { statusPollEvery } from "@/lib/progress/status-poll-pace";

const SUBMITTED = Date.parse("2026-12-03T01:00:00Z");

function view(patch: Partial<GenerationView>): GenerationView {
  return {
    id: "gen_pace",
    createdAt: new Date(SUBMITTED).toISOString(),
    prompt: "A pace",
    model: "kling-video-o1",
    mode: "std",
    aspectRatio: "16:9",
    duration: "5",
    sound: null,
    shotType: null,
    status: "processing",
    errorCode: null,
    errorMessage: null,
    submittedAt: new Date(SUBMITTED).toISOString(),
    startedAt: null,
    finishedAt: null,
    videoUrl: null,
    posterUrl: null,
    width: null,
    height: null,
    durationSeconds: null,
    videoBytes: null,
    estimatedCostUsd: null,
    providerTaskId: "1",
    parentId: null,
    parentKind: null,
    batchId: null,
    expectedSeconds: 11,
    ...patch,
  };
}

const at = (seconds: number) => SUBMITTED + seconds * 1000;

describe("status poll pace", () => {
  it("polls at the usual pace until the expected end is 4 s away, then fast", () => {
    expect(statusPollEvery(view({}), at(5))).toBe(1500);
    // 1.5 s polls cannot step over a window that opens 4 s before the end.
    expect(statusPollEvery(view({}), at(7))).toBe(250);
    expect(statusPollEvery(view({}), at(11))).toBe(250);
  });

  it("goes back to the usual pace once a run is well past its expected time", () => {
    expect(statusPollEvery(view({}), at(17))).toBe(250);
    expect(statusPollEvery(view({}), at(18))).toBe(1500);
    expect(statusPollEvery(view({}), at(60))).toBe(1500);
  });

  it("keeps the usual pace without an expectation, and stops at a failure", () => {
    expect(statusPollEvery(view({ expectedSeconds: null }), at(10))).toBe(1500);
    expect(statusPollEvery(view({ status: "failed" }), at(10))).toBe(false);
    expect(statusPollEvery(undefined, at(10))).toBe(false);
  });

  it("after success looks a while longer for the poster that follows the video", () => {
    const stored = view({
      status: "succeeded",
      finishedAt: new Date(at(11)).toISOString(),
      videoUrl: "/api/media/results/gen_pace.mp4",
    });
    expect(statusPollEvery(stored, at(12))).toBe(1000);
    expect(statusPollEvery(stored, at(42))).toBe(false);
    expect(
      statusPollEvery({ ...stored, posterUrl: "/api/media/posters/gen_pace.jpg" }, at(12)),
    ).toBe(false);
  });
});
