import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { resetQueuePause } from "@/lib/worker/queue-pause";
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
 *
 * The worker's client tries each request once, so a fault is not absorbed by the client's
 * own retries: it reaches the worker, which must retry by itself. Each case then proves the
 * faults were used up (the simulator's queue is empty, and it saw the requests) and counts
 * the failures the worker (or, for creates, the action) logged and recovered from.
 */
let env: PipelineEnv;

beforeAll(async () => {
  env = await startPipelineEnv();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await env.reset();
});
afterAll(() => env.close());

type Case = {
  phase: "create" | "query" | "download";
  fault: unknown;
  status: string;
  creates: number;
  times: number;
  /**
   * Failures logged for this generation in the phase (`create`/`check`/`download` lines):
   * one per faulted request that is not retried inside one step. Downloads get one quick
   * second try inside a check (save-result.ts), except for 403/410, which ask the provider
   * for a fresh link instead; a delay is only slow, not a failure.
   */
  failures: number;
};

// Creates are sent once (never retried), so one fault is all a create can use up; a delay
// is only slow, so one is enough to show it is survived. Other faults come three at a time.
const CASES: Case[] = [
  {
    phase: "create",
    fault: { status: 429 },
    status: "succeeded",
    creates: 2,
    times: 1,
    failures: 1,
  },
  {
    phase: "create",
    fault: { status: 500 },
    status: "uncertain",
    creates: 1,
    times: 1,
    failures: 1,
  },
  {
    phase: "create",
    // Kling 5001 (maintenance) means no task was made: queued, then sent again.
    fault: { status: 503, body: { code: 5001, message: "maintenance" } },
    status: "succeeded",
    creates: 2,
    times: 1,
    failures: 1,
  },
  {
    phase: "create",
    fault: { reset: true },
    status: "uncertain",
    creates: 1,
    times: 1,
    failures: 1,
  },
  {
    phase: "create",
    fault: { malformed: "json" },
    status: "uncertain",
    creates: 1,
    times: 1,
    failures: 1,
  },
  {
    phase: "query",
    fault: { status: 429 },
    status: "succeeded",
    creates: 1,
    times: 3,
    failures: 3,
  },
  {
    phase: "query",
    fault: { status: 502 },
    status: "succeeded",
    creates: 1,
    times: 3,
    failures: 3,
  },
  {
    phase: "query",
    fault: { delayMs: 1500 },
    status: "succeeded",
    creates: 1,
    times: 1,
    failures: 0,
  },
  {
    phase: "query",
    fault: { reset: true },
    status: "succeeded",
    creates: 1,
    times: 3,
    failures: 3,
  },
  {
    phase: "query",
    fault: { malformed: "json" },
    status: "succeeded",
    creates: 1,
    times: 3,
    failures: 3,
  },
  {
    phase: "download",
    fault: { status: 500 },
    status: "succeeded",
    creates: 1,
    times: 3,
    failures: 1,
  },
  {
    phase: "download",
    fault: { status: 410 },
    status: "succeeded",
    creates: 1,
    times: 3,
    failures: 3,
  },
  {
    phase: "download",
    fault: { reset: true },
    status: "succeeded",
    creates: 1,
    times: 3,
    failures: 1,
  },
  {
    phase: "download",
    fault: { malformed: true },
    status: "succeeded",
    creates: 1,
    times: 3,
    failures: 1,
  },
  {
    phase: "download",
    fault: { delayMs: 1000 },
    status: "succeeded",
    creates: 1,
    times: 1,
    failures: 0,
  },
];

const LOG_CONTEXT = { create: "create", query: "check", download: "download" } as const;

describe("faults", () => {
  it.each(CASES)(
    "$phase $fault → $status",
    async ({ phase, fault, status, creates, times, failures }) => {
      const logged: string[] = [];
      vi.spyOn(console, "error").mockImplementation((line: unknown) => {
        logged.push(String(line));
      });
      await env.faults({ [phase]: Array.from({ length: times }, () => fault) });
      const created = await createGeneration({
        ...INPUT,
        prompt: `Fault ${phase} ${JSON.stringify(fault)}`,
      });
      resetQueuePause();
      const [row] = await runWorkerUntilSettled([created.id], 40_000, {
        client: env.clientWithoutRetries(),
      });
      expect(row?.status).toBe(status);

      expect((await env.faultQueues())[phase]).toEqual([]);
      const log = await env.requests();
      expect(log.creates.filter((body) => body.external_task_id === created.id)).toHaveLength(
        creates,
      );
      // Each faulted request, then the one that got through (a delayed one gets through).
      const needed = times + (typeof fault === "object" && fault && "delayMs" in fault ? 0 : 1);
      const taskId = row?.providerTaskId;
      if (phase === "query") {
        // Polls before the task finished count too, hence at least.
        expect(log.queries.filter((id) => id === taskId).length).toBeGreaterThanOrEqual(needed);
      }
      if (phase === "download") {
        expect(log.downloads.filter((file) => file === `${taskId}.mp4`)).toHaveLength(needed);
      }
      const prefix = `[omni-studio] ${LOG_CONTEXT[phase]} ${created.id}:`;
      expect(logged.filter((line) => line.startsWith(prefix))).toHaveLength(failures);

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
