import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { useTestDatabase } from "../helpers/db-test-env";
import { type SimulatorWithMedia, startSimulatorWithMedia } from "../helpers/simulator-with-media";
import type { SimRequests } from "./pipeline-helpers";
import { insertQueued, killWorker, mediaFiles, spawnWorker } from "./worker-processes";

/**
 * 24 generations in flight; the standalone worker is SIGKILLed at random moments five
 * times and restarted. Everything must settle with one MP4 and one poster per success, no
 * orphan or temp files, and no create sent twice for one generation.
 */
const KEY = "sk-test-crash";
let sim: SimulatorWithMedia;
let simulator: SimulatorWithMedia["simulator"];
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let mediaDir: string;

beforeAll(async () => {
  sim = await startSimulatorWithMedia({ key: KEY, speed: 0.1, renderScale: 0.25 });
  ({ simulator, mediaDir } = sim);
  database = await useTestDatabase("sqlite");
});

afterAll(async () => {
  await disconnectDb();
  await database.cleanup();
  await sim.close();
  resetEnvForTests();
});

const FOLLOWED_OR_WAITING = ["queued", "submitting", "submitted", "processing", "downloading"];

describe("crash survival", () => {
  it("survives repeated SIGKILLs of the worker process", async () => {
    const ids = await insertQueued(24, "Crash");
    const env = {
      DATABASE_URL: database.url,
      COMETAPI_KEY: KEY,
      COMETAPI_BASE_URL: simulator.baseUrl,
      MEDIA_DIR: mediaDir,
      WORKER_MIN_POLL_MS: "150",
      WORKER_MAX_IN_FLIGHT: "10",
      // Short leases so a restarted worker takes over a killed one's rows quickly.
      WORKER_LEASE_MS: "1500",
    };
    for (let kill = 0; kill < 5; kill++) {
      const worker = spawnWorker(env);
      await new Promise((resolve) => setTimeout(resolve, 1200 + Math.random() * 2500));
      await killWorker(worker, "SIGKILL");
    }
    const last = spawnWorker(env);
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const open = await getDb().generation.count({
          where: { status: { in: FOLLOWED_OR_WAITING } },
        });
        if (open === 0) break;
        if (Date.now() > deadline) throw new Error(`${open} generations never settled`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } finally {
      await killWorker(last, "SIGTERM");
    }
    const rows = await getDb().generation.findMany({ where: { id: { in: ids } } });
    const log = (await (await fetch(`${simulator.baseUrl}/__sim/requests`)).json()) as SimRequests;
    const createsPer = new Map<unknown, number>();
    for (const body of log.creates) {
      createsPer.set(body.external_task_id, (createsPer.get(body.external_task_id) ?? 0) + 1);
    }
    expect([...createsPer.values()].every((count) => count === 1)).toBe(true);
    const succeeded = rows.filter((row) => row.status === "succeeded");
    // A kill between sending a create and recording its answer leaves `uncertain` (never
    // resent); everything else finishes.
    for (const row of rows) {
      expect(["succeeded", "uncertain"]).toContain(row.status);
      if (row.status === "uncertain") expect(createsPer.get(row.id) ?? 0).toBeLessThanOrEqual(1);
    }
    expect(succeeded.length).toBeGreaterThanOrEqual(ids.length - 2);
    expect(mediaFiles(mediaDir).sort()).toEqual(
      succeeded.flatMap((row) => [`posters/${row.id}.jpg`, `results/${row.id}.mp4`]).sort(),
    );
    console.info(
      `crash test: ${succeeded.length} succeeded, ${rows.length - succeeded.length} uncertain, ` +
        `${log.counts.create} creates, ${log.counts.download} downloads`,
    );
  }, 150_000);
});
