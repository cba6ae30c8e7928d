import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { testPostgresUrl, useTestDatabase } from "../helpers/db-test-env";
import { type SimulatorWithMedia, startSimulatorWithMedia } from "../helpers/simulator-with-media";
import type { SimRequests } from "./pipeline-helpers";
import { insertQueued, killWorker, mediaFiles, spawnWorker } from "./worker-processes";

/**
 * Two real worker processes on one PostgreSQL database and one standalone simulator:
 * each queued generation is created once, each result downloaded once, and none is lost.
 */
const KEY = "sk-test-multi";
const pg = testPostgresUrl();

describe.skipIf(!pg)("two worker processes on PostgreSQL", () => {
  let sim: SimulatorWithMedia | undefined;
  let simulator: SimulatorWithMedia["simulator"];
  let database: Awaited<ReturnType<typeof useTestDatabase>>;
  let mediaDir: string;

  beforeAll(async () => {
    sim = await startSimulatorWithMedia({ key: KEY, speed: 0.05, renderScale: 0.25 });
    ({ simulator, mediaDir } = sim);
    database = await useTestDatabase("postgres");
  });

  afterAll(async () => {
    await disconnectDb();
    await database?.cleanup();
    await sim?.close();
    resetEnvForTests();
  });

  it("shares the work without doubling a create, a poll-and-download, or losing a task", async () => {
    const ids = await insertQueued(24, "Two workers");
    const env = {
      DATABASE_URL: database.url,
      COMETAPI_KEY: KEY,
      COMETAPI_BASE_URL: simulator.baseUrl,
      MEDIA_DIR: mediaDir,
      WORKER_MIN_POLL_MS: "100",
      WORKER_MAX_IN_FLIGHT: "12",
      WORKER_LEASE_MS: "5000",
    };
    const workers = [spawnWorker(env), spawnWorker(env)];
    try {
      const deadline = Date.now() + 180_000;
      for (;;) {
        const done = await getDb().generation.count({ where: { status: "succeeded" } });
        if (done === ids.length) break;
        if (Date.now() > deadline) throw new Error(`only ${done} of ${ids.length} succeeded`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      await Promise.all(workers.map((worker) => killWorker(worker, "SIGTERM")));
    }
    const log = (await (await fetch(`${simulator.baseUrl}/__sim/requests`)).json()) as SimRequests;
    const createdIds = log.creates.map((body) => body.external_task_id).sort();
    expect(createdIds).toEqual([...ids].sort());
    expect(new Set(log.downloads).size).toBe(ids.length);
    expect(log.downloads).toHaveLength(ids.length);
    const rows = await getDb().generation.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.videoSha256 && row.leaseOwner === null)).toBe(true);
    expect(mediaFiles(mediaDir).sort()).toEqual(
      ids.flatMap((id) => [`posters/${id}.jpg`, `results/${id}.mp4`]).sort(),
    );
  }, 240_000);
});
