import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { expectedDurationFor, forgetExpectedDurations } from "@/lib/progress/expected-duration";
import { getGenerationWithFacts, listRecentGenerations } from "@/lib/progress/progress-facts";
import { progressFigure } from "@/lib/progress/progress-figure";
import { type TestDatabase, testPostgresUrl, useTestDatabase } from "../helpers/db-test-env";

/**
 * The progress estimate from real rows: the median run time of the last finished runs of the
 * same model, mode and length; the built-in simulator's timeline (demo) or the contract's
 * typical latency (a real provider) when there are none. And the card's first paint, the
 * status route and the detail read carry one figure.
 */
const providers = [
  { name: "sqlite" as const, skip: false },
  { name: "postgres" as const, skip: testPostgresUrl() === undefined },
];

const base = Date.parse("2026-06-01T12:00:00Z");
let serial = 0;

/** A finished (or running) row whose run took `seconds` from submission to stored video. */
async function row(options: {
  model?: string;
  mode?: string;
  duration?: string;
  status?: string;
  seconds?: number;
  createdAt?: number;
}) {
  serial += 1;
  const createdAt = new Date(options.createdAt ?? base + serial * 60_000);
  const submittedAt = new Date(createdAt.getTime() + 500);
  const status = options.status ?? "succeeded";
  return getDb().generation.create({
    data: {
      id: `gen_progress${String(serial).padStart(4, "0")}`,
      createdAt,
      prompt: `Run ${serial}`,
      model: options.model ?? "kling-video-o1",
      mode: options.mode ?? "std",
      duration: options.duration ?? "5",
      status,
      submittedAt,
      finishedAt:
        status === "succeeded" && options.seconds !== undefined
          ? new Date(submittedAt.getTime() + options.seconds * 1000)
          : null,
    },
  });
}

for (const { name, skip } of providers) {
  describe.skipIf(skip)(`progress estimate on ${name}`, () => {
    let db: TestDatabase;
    const savedKey = process.env.COMETAPI_KEY;
    beforeAll(async () => {
      db = await useTestDatabase(name);
    });
    beforeEach(async () => {
      forgetExpectedDurations();
      await getDb().generation.deleteMany({});
    });
    afterAll(async () => {
      if (savedKey === undefined) delete process.env.COMETAPI_KEY;
      else process.env.COMETAPI_KEY = savedKey;
      resetEnvForTests();
      await db.cleanup();
    });

    it("takes the median of the same model, mode and length, newest 20 only", async () => {
      // Older runs of the recipe that the newest twenty push out of the sample.
      for (let i = 0; i < 5; i++) await row({ seconds: 500, createdAt: base - (i + 1) * 60_000 });
      for (const seconds of [40, 44, 48, 52, 56, 60, 64, 68, 72, 76]) await row({ seconds });
      for (const seconds of [42, 46, 50, 54, 58, 62, 66, 70, 74, 78]) await row({ seconds });
      // Other recipes, a failure and a running row never count.
      await row({ mode: "pro", seconds: 300 });
      await row({ duration: "10", seconds: 200 });
      await row({ model: "kling-v3-omni", seconds: 150 });
      await row({ status: "failed" });
      await row({ status: "processing" });

      const expected = await expectedDurationFor({
        model: "kling-video-o1",
        mode: "std",
        duration: "5",
      });
      // Twenty runs 40…78 s: the median is (58 + 60) / 2.
      expect(expected).toEqual({ seconds: 59, basis: "history", samples: 20 });
      forgetExpectedDurations();
      expect(
        await expectedDurationFor({ model: "kling-video-o1", mode: "pro", duration: "5" }),
      ).toEqual({ seconds: 300, basis: "history", samples: 1 });
    });

    it("without history: the built-in simulator's timeline in demo, the contract's latency otherwise", async () => {
      delete process.env.COMETAPI_KEY;
      process.env.SIMULATOR_SPEED = "1";
      resetEnvForTests();
      const recipe = { model: "kling-video-o1", mode: "std", duration: "5" };
      // 2 s submitted + 8 s processing at speed 1, and a second to store the result.
      expect(await expectedDurationFor(recipe)).toEqual({
        seconds: 11,
        basis: "simulator",
        samples: 0,
      });
      forgetExpectedDurations();
      expect((await expectedDurationFor({ ...recipe, mode: "pro" })).seconds).toBe(19);
      forgetExpectedDurations();
      process.env.SIMULATOR_SPEED = "0.5";
      resetEnvForTests();
      expect((await expectedDurationFor(recipe)).seconds).toBe(6);

      forgetExpectedDurations();
      process.env.COMETAPI_KEY = "sk-real";
      delete process.env.SIMULATOR_SPEED;
      resetEnvForTests();
      expect(await expectedDurationFor(recipe)).toEqual({
        seconds: 75,
        basis: "contract",
        samples: 0,
      });
    });

    it("gives the card's first paint and the status route one figure", async () => {
      for (const seconds of [20, 30, 40]) await row({ seconds });
      const running = await row({ status: "processing" });
      const done = await row({ seconds: 30 });

      const listed = await listRecentGenerations(9);
      const card = listed.find((view) => view.id === running.id);
      const polled = await getGenerationWithFacts(running.id);
      expect(card?.expectedSeconds).toBe(30);
      expect(polled.expectedSeconds).toBe(30);
      expect(polled.expectedBasis).toBe("history");
      // Settled generations carry no expectation, so no bar.
      expect(listed.find((view) => view.id === done.id)?.expectedSeconds).toBeNull();

      const now = Date.parse(polled.submittedAt ?? "") + 15_000;
      const figure = { elapsedSeconds: 15, expectedSeconds: 30, fraction: 0.5, slow: false };
      expect(progressFigure(polled, now)).toEqual(figure);
      expect(card && progressFigure(card, now)).toEqual(figure);
    });
  });
}
