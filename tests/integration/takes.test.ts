import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGenerationAction } from "@/lib/actions/create-generation";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { listBatchTakes } from "@/lib/gallery/list-batch";
import { createGenerations } from "@/lib/generation-commands/create-generation";
import { estimateCostUsd } from "@/lib/generations/estimate-cost";
import { resetSpendGuardForTests } from "@/lib/security/spend-guard";
import {
  INPUT,
  type PipelineEnv,
  runWorkerUntilSettled,
  startPipelineEnv,
} from "./pipeline-helpers";

/** "Takes" (issue 14): N generations of one recipe, one batch, all or none, budgeted whole. */
let env: PipelineEnv;

beforeAll(async () => {
  env = await startPipelineEnv({ WORKER_MAX_IN_FLIGHT: "2" });
});
afterEach(async () => {
  delete process.env.DAILY_BUDGET_USD;
  resetEnvForTests();
  resetSpendGuardForTests();
  await env.reset();
});
afterAll(() => env.close());

const countRows = (prompt: string) => getDb().generation.count({ where: { prompt } });

describe("takes", () => {
  it("makes N normal generations in one batch, in take order, through the queue's room", async () => {
    const made = await createGenerations({ ...INPUT, prompt: "Three takes of a kite", takes: 3 });
    expect(made.batchId).toMatch(/^bat_/);
    expect(made.generations).toHaveLength(3);
    // Two slots: the first two go at once, the third waits (not the first, as it would if the
    // batch's own unsent rows were counted as in flight).
    expect(made.generations.map((g) => g.status)).toEqual(["submitted", "submitted", "queued"]);
    const ids = made.generations.map((g) => g.id);
    const rows = await getDb().generation.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.batchId === made.batchId)).toBe(true);
    expect(rows.every((row) => row.prompt === "Three takes of a kite")).toBe(true);
    // Compare's order (the batch read oldest first) is the order they were made and queued.
    expect((await listBatchTakes(made.batchId ?? "")).map((g) => g.id)).toEqual(ids);
    const settled = await runWorkerUntilSettled(ids, 90_000);
    expect(settled.map((row) => row.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const { creates } = await env.requests();
    expect(creates.map((body) => body.external_task_id)).toEqual(ids);
    // Three rendered videos: on a busy machine that takes longer than the default 30 s.
  }, 120_000);

  it("makes one take without a batch", async () => {
    const made = await createGenerations({ ...INPUT, prompt: "One take" });
    expect(made.batchId).toBeNull();
    expect(made.generations).toHaveLength(1);
    expect((await getDb().generation.findFirst({ where: { prompt: "One take" } }))?.batchId).toBe(
      null,
    );
  });

  it("writes all takes or none: a refused third insert leaves no row, no search document, no create", async () => {
    const prompt = "All or none";
    await getDb().$executeRawUnsafe(`CREATE TRIGGER "test_refuse_third_take" BEFORE INSERT ON "Generation"
      WHEN new."prompt" = '${prompt}' AND (SELECT COUNT(*) FROM "Generation" WHERE "prompt" = '${prompt}') >= 2
      BEGIN SELECT RAISE(ABORT, 'third take refused'); END`);
    try {
      await expect(createGenerations({ ...INPUT, prompt, takes: 3 })).rejects.toThrow();
      expect(await countRows(prompt)).toBe(0);
      expect(await getDb().searchDoc.count({ where: { body: { startsWith: prompt } } })).toBe(0);
      expect((await env.requests()).creates).toHaveLength(0);
      // The same batch of two passes the trigger: the refusal above was the third row's.
      await createGenerations({ ...INPUT, prompt, takes: 2 });
      expect(await countRows(prompt)).toBe(2);
    } finally {
      await getDb().$executeRawUnsafe(`DROP TRIGGER "test_refuse_third_take"`);
    }
  });

  it("refuses takes outside 1–4 with the composer's schema, writing nothing", async () => {
    for (const takes of [0, 5, 2.5]) {
      const result = await createGenerationAction({ ...INPUT, prompt: "Bad takes", takes });
      expect(result).toMatchObject({ ok: false, code: "invalid_input" });
      expect(result.ok ? {} : result.fieldErrors).toHaveProperty("takes");
    }
    expect(await countRows("Bad takes")).toBe(0);
  });

  it("budgets every take before any is created", async () => {
    // The guard's worst case for this recipe (it assumes sound, which only raises the price).
    const perTake = estimateCostUsd({
      model: "kling-v3-omni",
      mode: "std",
      seconds: 5,
      hasVideo: false,
      sound: true,
    });
    process.env.DAILY_BUDGET_USD = String(perTake * 2.5);
    resetEnvForTests();
    const refused = await createGenerationAction({ ...INPUT, prompt: "Over budget", takes: 3 });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    expect(refused.ok ? "" : refused.error).toContain(`about $${(perTake * 3).toFixed(2)}`);
    expect(await countRows("Over budget")).toBe(0);
    const allowed = await createGenerationAction({ ...INPUT, prompt: "Within budget", takes: 2 });
    expect(allowed).toMatchObject({ ok: true });
    expect(await countRows("Within budget")).toBe(2);
  });
});
