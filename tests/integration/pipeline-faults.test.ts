import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGeneration } from "@/lib/generations/create-generation";
import { resetQueuePause } from "@/lib/queue/queue-pause";
import {
  INPUT,
  type PipelineEnv,
  runWorkerUntilSettled,
  startPipelineEnv,
} from "./pipeline-helpers";

/**
 * Fault injection at the simulator, on create, query and download. Every case must end in
 * the right state with exactly the creates it should have sent (none doubled or lost).
 * (A create "timeout" is the same to the client as a reset after sending: both ambiguous.)
 */
let env: PipelineEnv;

beforeAll(async () => {
  env = await startPipelineEnv();
});
afterEach(() => env.reset());
afterAll(() => env.close());

type Case = {
  phase: "create" | "query" | "download";
  fault: unknown;
  status: string;
  creates: number;
  times?: number;
};

const CASES: Case[] = [
  { phase: "create", fault: { status: 429 }, status: "succeeded", creates: 2, times: 1 },
  { phase: "create", fault: { status: 500 }, status: "uncertain", creates: 1 },
  {
    phase: "create",
    fault: { status: 503, body: { code: 5001, message: "maintenance" } },
    status: "failed",
    creates: 1,
  },
  { phase: "create", fault: { reset: true }, status: "uncertain", creates: 1 },
  { phase: "create", fault: { malformed: "json" }, status: "uncertain", creates: 1 },
  { phase: "query", fault: { status: 429 }, status: "succeeded", creates: 1 },
  { phase: "query", fault: { status: 502 }, status: "succeeded", creates: 1 },
  { phase: "query", fault: { delayMs: 1500 }, status: "succeeded", creates: 1 },
  { phase: "query", fault: { reset: true }, status: "succeeded", creates: 1 },
  { phase: "query", fault: { malformed: "json" }, status: "succeeded", creates: 1 },
  { phase: "download", fault: { status: 500 }, status: "succeeded", creates: 1 },
  { phase: "download", fault: { status: 410 }, status: "succeeded", creates: 1 },
  { phase: "download", fault: { reset: true }, status: "succeeded", creates: 1 },
  { phase: "download", fault: { malformed: true }, status: "succeeded", creates: 1 },
  { phase: "download", fault: { delayMs: 1000 }, status: "succeeded", creates: 1 },
];

describe("faults", () => {
  it.each(CASES)(
    "$phase $fault → $status",
    async ({ phase, fault, status, creates, times = 3 }) => {
      // Three of each, so retries inside one check cannot hide the fault entirely.
      await env.faults({ [phase]: Array.from({ length: times }, () => fault) });
      const created = await createGeneration({
        ...INPUT,
        prompt: `Fault ${phase} ${JSON.stringify(fault)}`,
      });
      resetQueuePause();
      const [row] = await runWorkerUntilSettled([created.id], 40_000);
      expect(row?.status).toBe(status);
      const log = await env.requests();
      expect(log.creates.filter((body) => body.external_task_id === created.id)).toHaveLength(
        creates,
      );
      if (status === "succeeded") {
        expect(row?.providerVideoUrl).toBeNull();
        expect(row?.videoSha256).toMatch(/^[0-9a-f]{64}$/);
        const files = readdirSync(path.join(env.mediaDir, "results"));
        expect(files.filter((f) => f.startsWith(created.id))).toEqual([`${created.id}.mp4`]);
        expect(files.filter((f) => f.includes(".partial") || f.includes(".tmp"))).toEqual([]);
      }
    },
  );
});
