import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cancelGeneration } from "@/lib/generation-commands/cancel-generation";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { getGenerationWithFacts } from "@/lib/progress/progress-facts";
import { resetQueuePause } from "@/lib/worker/queue-pause";
import { sayEnglish } from "@/tests/helpers/say-english";
import {
  INPUT,
  type PipelineEnv,
  runWorkerUntilSettled,
  startPipelineEnv,
} from "./pipeline-helpers";

/** The submission queue: a cap on in-flight tasks, order, cancel, and "busy" from the provider. */
let env: PipelineEnv;

beforeAll(async () => {
  env = await startPipelineEnv({ WORKER_MAX_IN_FLIGHT: "2" });
});
afterEach(() => env.reset());
afterAll(() => env.close());

describe("submission queue", () => {
  it("holds generations beyond the in-flight cap, shows their place, submits oldest first", async () => {
    const made = [];
    for (const n of [1, 2, 3, 4])
      made.push(await createGeneration({ ...INPUT, prompt: `Queue ${n}` }));
    expect(made.map((g) => g.status)).toEqual(["submitted", "submitted", "queued", "queued"]);
    const [a, b, c, d] = made.map((g) => g.id) as [string, string, string, string];
    expect((await getGenerationWithFacts(c)).queuePosition).toBe(1);
    expect((await getGenerationWithFacts(d)).queuePosition).toBe(2);
    expect((await getGenerationWithFacts(a)).queuePosition).toBeNull();
    // A real provider with no history yet: the contract's typical std latency.
    expect((await getGenerationWithFacts(a)).expectedSeconds).toBe(75);

    const canceled = await cancelGeneration(d);
    expect(canceled.status).toBe("canceled");
    await expect(cancelGeneration(a)).rejects.toMatchObject({ code: "conflict" });

    const rows = await runWorkerUntilSettled([a, b, c, d]);
    expect(rows.map((row) => row.status)).toEqual([
      "succeeded",
      "succeeded",
      "succeeded",
      "canceled",
    ]);
    const { creates } = await env.requests();
    expect(creates.map((body) => body.external_task_id)).toEqual([a, b, c]);
  });

  it("queues a create the provider refuses as busy (429 / 1303) and sends it when room frees", async () => {
    await env.faults({
      create: [
        { status: 429, body: { code: 1303, message: "parallel task over resource pack limit" } },
      ],
    });
    const busy = await createGeneration({ ...INPUT, prompt: "Busy provider" });
    expect(busy.status).toBe("queued");
    expect(sayEnglish(busy.errorMessage ?? "")).toMatch(/busy/i);
    const next = await createGeneration({ ...INPUT, prompt: "Behind the busy one" });
    expect(next.status).toBe("queued");
    resetQueuePause();
    const rows = await runWorkerUntilSettled([busy.id, next.id]);
    expect(rows.map((row) => row.status)).toEqual(["succeeded", "succeeded"]);
    const { creates } = await env.requests();
    // One refused, then each sent exactly once, in order.
    expect(creates.map((body) => body.external_task_id)).toEqual([busy.id, busy.id, next.id]);
  });
});
