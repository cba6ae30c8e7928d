import { createCometClient } from "@/lib/cometapi/client";
import type { CometClient } from "@/lib/cometapi/types";
import { disconnectDb, getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { resetQueuePause } from "@/lib/worker/queue-pause";
import { SyncWorker } from "@/lib/worker/sync-worker";
import { TEXT_ONLY_INPUT } from "../fixtures/text-only-input";
import { useTestDatabase as openTestDatabase } from "../helpers/db-test-env";
import { startSimulatorWithMedia } from "../helpers/simulator-with-media";

/** A standalone simulator over HTTP, a fresh SQLite database and a temp MEDIA_DIR. */
export type PipelineEnv = {
  simUrl: string;
  mediaDir: string;
  requests(): Promise<SimRequests>;
  faults(faults: unknown): Promise<void>;
  /** The simulator's fault queues: what is left of the injected faults. */
  faultQueues(): Promise<Record<"create" | "query" | "download", unknown[]>>;
  /** The real client aimed at the simulator, one try per request: nothing retried inside. */
  clientWithoutRetries(): CometClient;
  /** Clears faults, the request log and every generation: the next case starts afresh. */
  reset(): Promise<void>;
  close(): Promise<void>;
};

export type SimRequests = {
  creates: Record<string, unknown>[];
  queries: string[];
  downloads: string[];
  counts: { create: number; query: number; download: number };
};

const KEY = "sk-test-pipeline-queue";
const ENV_NAMES = [
  "COMETAPI_KEY",
  "COMETAPI_BASE_URL",
  "MEDIA_DIR",
  "WORKER_MIN_POLL_MS",
  "WORKER_MAX_IN_FLIGHT",
  "PUBLIC_BASE_URL",
  "WORKER_TASK_TIMEOUT_MS",
];

export async function startPipelineEnv(env: Record<string, string> = {}): Promise<PipelineEnv> {
  const { simulator, mediaDir, close } = await startSimulatorWithMedia({
    key: KEY,
    speed: 0.02,
    renderScale: 0.25,
  });
  Object.assign(process.env, {
    COMETAPI_KEY: KEY,
    COMETAPI_BASE_URL: simulator.baseUrl,
    MEDIA_DIR: mediaDir,
    WORKER_MIN_POLL_MS: "50",
    ...env,
  });
  const database = await openTestDatabase("sqlite");
  resetEnvForTests();
  resetQueuePause();
  const control = (route: string, init?: RequestInit) =>
    fetch(`${simulator.baseUrl}/__sim/${route}`, init);
  return {
    simUrl: simulator.baseUrl,
    mediaDir,
    requests: async () => (await (await control("requests")).json()) as SimRequests,
    faultQueues: async () => (await (await control("faults")).json()) as never,
    clientWithoutRetries: () =>
      createCometClient({ baseUrl: simulator.baseUrl, apiKey: KEY, retry: { attempts: 1 } }),
    faults: async (faults) => {
      await control("faults", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(faults),
      });
    },
    reset: async () => {
      await control("faults", { method: "DELETE" });
      await control("requests", { method: "DELETE" });
      // Each case starts with no generations: a case that failed midway must not leave rows
      // in flight that fill the next case's queue (its references and shares go with them).
      await getDb().generation.deleteMany();
      resetQueuePause();
    },
    close: async () => {
      await disconnectDb();
      await database.cleanup();
      await close();
      for (const name of ENV_NAMES) delete process.env[name];
      resetEnvForTests();
    },
  };
}

const SETTLED = ["succeeded", "failed", "canceled", "uncertain"];

/** Steps an in-process worker until every id is settled (terminal or uncertain). */
export async function runWorkerUntilSettled(
  ids: string[],
  timeoutMs = 30_000,
  options: { client?: CometClient } = {},
) {
  const worker = new SyncWorker({
    tickMs: 1_000_000,
    leaseMs: 10_000,
    maxConcurrentChecks: 8,
    ...options,
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await worker.tick();
    await worker.drain();
    const rows = await Promise.all(ids.map((id) => findGenerationRow(id)));
    if (rows.every((row) => row && SETTLED.includes(row.status))) {
      return rows.map((row) => row as NonNullable<typeof row>);
    }
    if (Date.now() > deadline) {
      throw new Error(`not settled: ${rows.map((row) => row?.status).join(", ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

export const INPUT = TEXT_ONLY_INPUT;
