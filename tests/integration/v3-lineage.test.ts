import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { retryGeneration } from "@/lib/generation-commands/retry-generation";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { loadRemixRecipe } from "@/lib/remix/load-remix";
import {
  INPUT,
  type PipelineEnv,
  runWorkerUntilSettled,
  startPipelineEnv,
} from "./pipeline-helpers";

/**
 * A Kling 3.0 Omni storyboard through the real server path and the simulator: stored as
 * data (model, sound, Shot rows), sent again unchanged by Retry, restored by Remix.
 */
let env: PipelineEnv;
beforeAll(async () => {
  env = await startPipelineEnv();
});
afterEach(() => env.reset());
afterAll(() => env.close());

const STORYBOARD = {
  ...INPUT,
  model: "kling-v3-omni" as const,
  duration: "7" as const,
  sound: true,
  // "[simulate:moderation]" makes the simulator fail it, so it can be retried.
  prompt: "",
  storyboard: {
    shotType: "customize" as const,
    shots: [
      { prompt: "A fox wakes [simulate:moderation]", duration: "4" },
      { prompt: "It runs into the rain", duration: "3" },
    ],
  },
};

describe("Kling 3.0 Omni storyboards in the history", () => {
  it("stores shots as rows, Retry sends the same storyboard, Remix restores it", async () => {
    const created = await createGeneration(STORYBOARD);
    expect(created).toMatchObject({ model: "kling-v3-omni", sound: "on", shotType: "customize" });
    const shots = await getDb().shot.findMany({
      where: { generationId: created.id },
      orderBy: { index: "asc" },
    });
    expect(shots.map(({ index, prompt, duration }) => ({ index, prompt, duration }))).toEqual([
      { index: 1, prompt: "A fox wakes [simulate:moderation]", duration: "4" },
      { index: 2, prompt: "It runs into the rain", duration: "3" },
    ]);
    const [first] = (await env.requests()).creates;
    expect(first).toMatchObject({
      model_name: "kling-v3-omni",
      sound: "on",
      multi_shot: true,
      shot_type: "customize",
      duration: "7",
      multi_prompt: [
        { index: 1, prompt: "A fox wakes [simulate:moderation]", duration: "4" },
        { index: 2, prompt: "It runs into the rain", duration: "3" },
      ],
    });
    expect(first).not.toHaveProperty("prompt");

    const [failed] = await runWorkerUntilSettled([created.id]);
    expect(failed?.status).toBe("failed");
    const { id } = await retryGeneration(created.id);
    expect(await findGenerationRow(id)).toMatchObject({
      model: "kling-v3-omni",
      sound: "on",
      shotType: "customize",
      parentKind: "retry",
    });
    const { creates } = await env.requests();
    const { external_task_id: _a, ...again } = creates.at(-1) ?? {};
    const { external_task_id: _b, ...original } = first ?? {};
    expect(again).toEqual(original);

    const recipe = await loadRemixRecipe(created.id);
    expect(recipe?.settings).toMatchObject({ model: "kling-v3-omni", sound: true, duration: "7" });
    expect(recipe?.storyboard?.shotType).toBe("customize");
    expect(recipe?.storyboard?.shots.map((s) => [s.segments, s.duration])).toEqual([
      [[{ type: "text", text: "A fox wakes [simulate:moderation]" }], "4"],
      [[{ type: "text", text: "It runs into the rain" }], "3"],
    ]);
  });

  it("an O1 generation stays O1 with no sound and no shots", async () => {
    const created = await createGeneration({ ...INPUT, prompt: "A calm lake" });
    expect(created).toMatchObject({ model: "kling-video-o1", sound: null, shotType: null });
    const [body] = (await env.requests()).creates;
    for (const key of ["sound", "multi_shot", "shot_type", "multi_prompt"]) {
      expect(body).not.toHaveProperty(key);
    }
  });
});
