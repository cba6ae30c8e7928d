import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { addPoster } from "@/lib/worker/add-poster";
import { setStageRecorder } from "@/lib/worker/stage-clock";
import { SyncWorker } from "@/lib/worker/sync-worker";
import {
  INPUT,
  type PipelineEnv,
  runWorkerUntilSettled,
  startPipelineEnv,
} from "./pipeline-helpers";

/**
 * A result is "succeeded" once its video is stored and its header read; the poster (one
 * ffmpeg) follows, so it no longer delays the moment the video can be played. A row never
 * names a poster file that is not there, and one a stopped process did not make is made
 * at the next start.
 */
let pipeline: PipelineEnv;

beforeAll(async () => {
  pipeline = await startPipelineEnv();
});
afterEach(async () => {
  setStageRecorder(undefined);
  await pipeline.reset();
});
afterAll(async () => pipeline.close());

async function settledResult(prompt: string) {
  const created = await createGeneration({ ...INPUT, prompt });
  const [row] = await runWorkerUntilSettled([created.id], 20_000);
  if (row?.status !== "succeeded" || !row.videoPath || !row.posterPath) {
    throw new Error(`not a stored result: ${row?.status}`);
  }
  return { ...row, videoPath: row.videoPath, posterPath: row.posterPath };
}

describe("poster after success", () => {
  it("writes the succeeded row before it makes the poster, then records the poster", async () => {
    const stages = new Map<string, number>();
    setStageRecorder((_id, stage, at) => stages.set(stage, at));
    const row = await settledResult("A lighthouse in fog");
    expect(stages.get("released")).toBeLessThanOrEqual(stages.get("postered") ?? 0);
    expect(existsSync(path.join(pipeline.mediaDir, row.posterPath))).toBe(true);
  });

  it("a worker's start makes the posters a stopped process left unmade", async () => {
    const row = await settledResult("A tram at dusk");
    rmSync(path.join(pipeline.mediaDir, row.posterPath));
    await getDb().generation.update({ where: { id: row.id }, data: { posterPath: null } });

    const worker = new SyncWorker({ tickMs: 1_000_000 });
    await worker.tick();
    await worker.drain();

    const mended = await findGenerationRow(row.id);
    expect(mended?.posterPath).toBe(row.posterPath);
    expect(existsSync(path.join(pipeline.mediaDir, row.posterPath))).toBe(true);
  });

  it("leaves no poster file behind for a generation deleted meanwhile", async () => {
    const row = await settledResult("A kite over dunes");
    const posterFile = path.join(pipeline.mediaDir, row.posterPath);
    rmSync(posterFile);
    await getDb().generation.delete({ where: { id: row.id } });

    const made: string[] = [];
    setStageRecorder((id, stage) => stage === "postered" && made.push(id));
    await addPoster({ id: row.id, videoPath: row.videoPath, durationSeconds: 5 });

    expect(made).toEqual([row.id]);
    expect(existsSync(posterFile)).toBe(false);
    expect(existsSync(path.join(pipeline.mediaDir, row.videoPath))).toBe(true);
  });
});
