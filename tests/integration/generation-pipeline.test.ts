import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { probeVideo } from "@/lib/media/probe-video";
import { sayEnglish } from "@/tests/helpers/say-english";
import {
  INPUT,
  type PipelineEnv,
  runWorkerUntilSettled,
  startPipelineEnv,
} from "./pipeline-helpers";

/**
 * The whole server-side path against the simulator over real HTTP and a real SQLite file:
 * create → provider task → worker polls → MP4 copied, probed and postered.
 */
let pipeline: PipelineEnv;
let mediaDir: string;

beforeAll(async () => {
  pipeline = await startPipelineEnv();
  mediaDir = pipeline.mediaDir;
});
afterEach(async () => pipeline.reset());
afterAll(async () => pipeline.close());

async function settle(id: string) {
  const [row] = await runWorkerUntilSettled([id], 20_000);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}
const simulatorRequests = () => pipeline.requests();
const scriptFaults = (faults: unknown) => pipeline.faults(faults);

describe("generation pipeline", () => {
  it("sends the contract's body, follows the task and stores a real MP4 with a poster", async () => {
    const created = await createGeneration({
      ...INPUT,
      prompt: "A red kite over green hills",
      aspectRatio: "9:16",
    });
    expect(created.status).toBe("submitted");
    expect(created.providerTaskId).toMatch(/^\d+$/);

    const { creates } = await simulatorRequests();
    expect(creates).toEqual([
      {
        model_name: "kling-video-o1",
        prompt: "A red kite over green hills",
        mode: "std",
        aspect_ratio: "9:16",
        duration: "5",
        external_task_id: created.id,
      },
    ]);

    const row = await settle(created.id);
    expect(row.status).toBe("succeeded");
    expect(row.providerVideoUrl).toBeNull();
    expect(row.videoPath).toBe(`results/${created.id}.mp4`);
    const videoFile = path.join(mediaDir, row.videoPath ?? "");
    const probe = await probeVideo(videoFile);
    expect(probe.codec).toBe("h264");
    expect(probe.height).toBeGreaterThan(probe.width);
    expect(probe.durationSeconds).toBeGreaterThan(4.7);
    expect(probe.durationSeconds).toBeLessThan(5.3);
    expect(row.durationSeconds).toBeCloseTo(probe.durationSeconds, 1);
    expect(row.videoSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(path.join(mediaDir, row.posterPath ?? "missing"))).toBe(true);
    // No temp files are left behind by the atomic writes.
    const leftovers = readdirSync(path.join(mediaDir, "results")).filter((f) =>
      f.endsWith(".partial"),
    );
    expect(leftovers).toEqual([]);
  });

  it("keeps following through provider errors on query and says so meanwhile", async () => {
    const created = await createGeneration({
      ...INPUT,
      prompt: "Rain on a tin roof",
      aspectRatio: "1:1",
    });
    await scriptFaults({
      query: [{ status: 500 }, { malformed: true }, { status: 503 }, { status: 429 }],
    });
    const row = await settle(created.id);
    expect(row.status).toBe("succeeded");
    expect(row.errorMessage).toBeNull();
  });

  it("records the provider's moderation reason on a failed task", async () => {
    const created = await createGeneration({
      ...INPUT,
      prompt: "Something the provider refuses [simulate:moderation]",
    });
    const row = await settle(created.id);
    expect(row.status).toBe("failed");
    expect(sayEnglish(row.errorMessage ?? "")).toMatch(/risk control/i);
    expect(row.videoPath).toBeNull();
  });

  it("marks a create the provider refused as failed, with its message, and never retries it", async () => {
    await scriptFaults({
      create: [{ status: 400, body: { code: 1201, message: "bad parameter" } }],
    });
    const created = await createGeneration({ ...INPUT, prompt: "Busy provider" });
    expect(created.status).toBe("failed");
    expect(created.errorMessage).toBeTruthy();
    expect((await simulatorRequests()).counts.create).toBe(1);
  });

  it("marks a create whose answer was lost as uncertain instead of sending it again", async () => {
    await scriptFaults({ create: [{ reset: true }] });
    const created = await createGeneration({ ...INPUT, prompt: "Lost answer" });
    expect(created.status).toBe("uncertain");
    expect(sayEnglish(created.errorMessage ?? "")).toMatch(/check again/i);
    expect((await simulatorRequests()).counts.create).toBe(1);
  });

  it("recovers from a failed download by trying again", async () => {
    const created = await createGeneration({ ...INPUT, prompt: "Flaky download" });
    await scriptFaults({ download: [{ status: 500 }, { reset: true }] });
    const row = await settle(created.id);
    expect(row.status).toBe("succeeded");
    expect((await simulatorRequests()).counts.download).toBeGreaterThanOrEqual(3);
  });

  it("refuses invalid input with field errors and writes nothing", async () => {
    await expect(createGeneration({ ...INPUT, prompt: "", duration: "7" })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { prompt: expect.any(Array), duration: expect.any(Array) },
    });
    expect((await simulatorRequests()).counts.create ?? 0).toBe(0);
  });
});
