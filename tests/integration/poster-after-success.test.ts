import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { addPoster } from "@/lib/worker/add-poster";
import { withMediaSlot } from "@/lib/worker/media-gate";
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

  it("stores results while their posters wait: a poster backlog never holds a result back", async () => {
    // Every media slot taken (there are at most four), so every poster waits in line.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holders = Array.from({ length: 4 }, () => withMediaSlot(() => held));
    // One check at a time allows four results in flight at most (checks and saving):
    // twice that many must all be stored with none of their posters made.
    const worker = new SyncWorker({ tickMs: 1_000_000, leaseMs: 10_000, maxConcurrentChecks: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push((await createGeneration({ ...INPUT, prompt: `A lantern ${i}` })).id);
    }
    const deadline = Date.now() + 30_000;
    let rows = await Promise.all(ids.map((id) => findGenerationRow(id)));
    while (!rows.every((row) => row?.status === "succeeded") && Date.now() < deadline) {
      await worker.tick();
      await new Promise((resolve) => setTimeout(resolve, 40));
      rows = await Promise.all(ids.map((id) => findGenerationRow(id)));
    }
    expect(rows.map((row) => row?.status)).toEqual(ids.map(() => "succeeded"));
    expect(rows.map((row) => row?.posterPath ?? null)).toEqual(ids.map(() => null));

    release();
    await Promise.all(holders);
    await worker.drain();
    const done = await Promise.all(ids.map((id) => findGenerationRow(id)));
    for (const row of done) {
      expect(row?.posterPath).toBeTruthy();
      expect(existsSync(path.join(pipeline.mediaDir, row?.posterPath ?? ""))).toBe(true);
    }
  }, 60_000);
});
