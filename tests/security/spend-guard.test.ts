import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGenerationAction } from "@/lib/actions/create-generation";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { assertWithinDailyBudget } from "@/lib/generation-commands/daily-budget";
import { newId } from "@/lib/ids";
import {
  assertGenerateRateAllowed,
  assertUploadAllowed,
  resetSpendGuardForTests,
} from "@/lib/security/spend-guard";
import { TEXT_ONLY_INPUT } from "../fixtures/text-only-input";
import { type TestDatabase, useTestDatabase } from "../helpers/db-test-env";
import { refusalInEnglish } from "../helpers/say-english";

let db: TestDatabase;
const saved = { ...process.env };

beforeAll(async () => {
  db = await useTestDatabase("sqlite");
});
afterAll(async () => {
  await db.cleanup();
  process.env = saved;
  resetEnvForTests();
  resetSpendGuardForTests();
});
beforeEach(() => {
  delete process.env.DAILY_BUDGET_USD;
  delete process.env.GENERATE_RATE_PER_MINUTE;
  delete process.env.UPLOAD_RATE_PER_MINUTE;
  resetEnvForTests();
  resetSpendGuardForTests();
});

async function addGeneration(
  cost: number,
  status: string,
  providerTaskId: string | null,
  createdAt = new Date(),
) {
  await getDb().generation.create({
    data: {
      id: newId("gen"),
      prompt: "p",
      mode: "std",
      duration: "5",
      status,
      estimatedCostUsd: cost,
      providerTaskId,
      createdAt,
    },
  });
}

describe("daily budget", () => {
  it("refuses Generate once today's estimated spend would pass DAILY_BUDGET_USD, and writes nothing", async () => {
    await addGeneration(0.42, "succeeded", "task-1");
    await addGeneration(0.42, "processing", "task-2");
    await addGeneration(5, "failed", null); // failed before submit: costs nothing
    await addGeneration(5, "succeeded", "task-old", new Date(Date.now() - 2 * 86_400_000)); // not today
    process.env.DAILY_BUDGET_USD = "1";
    resetEnvForTests();
    const before = await getDb().generation.count();
    const result = await createGenerationAction({ ...TEXT_ONLY_INPUT, prompt: "A kite" });
    expect(result).toMatchObject({ ok: false, code: "rate_limited" });
    expect(result.ok ? "" : result.error).toMatch(
      /^Today's budget of \$1\.00 is spent \(\$0\.84 so far/,
    );
    expect(await getDb().generation.count()).toBe(before);
  });

  it("lets a generation through while it fits", async () => {
    process.env.DAILY_BUDGET_USD = "100";
    resetEnvForTests();
    await expect(assertWithinDailyBudget(0.42)).resolves.toBeUndefined();
  });
});

describe("per-session rates", () => {
  it("allows GENERATE_RATE_PER_MINUTE generations a minute per session, then says how long to wait", async () => {
    process.env.GENERATE_RATE_PER_MINUTE = "2";
    resetEnvForTests();
    assertGenerateRateAllowed("session:a");
    assertGenerateRateAllowed("session:a");
    expect(
      await refusalInEnglish(
        (async () => {
          assertGenerateRateAllowed("session:a");
        })(),
      ),
    ).toMatch(/Too many generations in a minute\. Try again in \d+ s\./);
    expect(() => assertGenerateRateAllowed("session:b")).not.toThrow(); // another session
  });

  it("counts a batch of takes as that many generations", async () => {
    process.env.GENERATE_RATE_PER_MINUTE = "4";
    resetEnvForTests();
    assertGenerateRateAllowed("session:a", 3);
    // One more fits the minute; a second batch of 3 does not, and is refused whole.
    expect(
      await refusalInEnglish(
        (async () => {
          assertGenerateRateAllowed("session:a", 3);
        })(),
      ),
    ).toMatch(/Too many generations in a minute/);
    assertGenerateRateAllowed("session:a", 1);
    expect(() => assertGenerateRateAllowed("session:a", 1)).toThrow();
  });

  it("lets a batch larger than the limit through only into an empty minute", async () => {
    process.env.GENERATE_RATE_PER_MINUTE = "2";
    resetEnvForTests();
    assertGenerateRateAllowed("session:c", 4);
    expect(() => assertGenerateRateAllowed("session:c", 1)).toThrow();
  });

  it("limits uploads the same way", async () => {
    process.env.UPLOAD_RATE_PER_MINUTE = "1";
    resetEnvForTests();
    assertUploadAllowed("session:a");
    expect(await refusalInEnglish(() => assertUploadAllowed("session:a"))).toMatch(
      /Too many uploads in a minute\. Try again in \d+ s\./,
    );
  });
});
