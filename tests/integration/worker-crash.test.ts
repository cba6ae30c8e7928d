import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { useTestDatabase } from "../helpers/db-test-env";
import { isRunning, processGroupMembers } from "../helpers/processes";
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
    let leasesLeftByKilled = 0;
    const killedPids: number[] = [];
    // Creates a killed worker was sending: the only rows allowed to end `uncertain`.
    const cutOffCreates = new Set<string>();
    for (let kill = 0; kill < 5; kill++) {
      const worker = spawnWorker(env);
      // The process we kill is the one running the SyncWorker (its id carries the pid), not
      // a launcher that would leave the worker carrying on, orphaned.
      expect(await worker.workerId).toContain(`-${worker.pid}-`);
      await new Promise((resolve) => setTimeout(resolve, 1200 + Math.random() * 2500));
      await killWorker(worker, "SIGKILL");
      expect(isRunning(worker.pid)).toBe(false);
      expect(processGroupMembers(worker.pid)).toEqual([]);
      killedPids.push(worker.pid);
      const held = await getDb().generation.findMany({
        where: { leaseOwner: { contains: `-${worker.pid}-` } },
        select: { id: true, status: true },
      });
      leasesLeftByKilled += held.length;
      for (const row of held) if (row.status === "submitting") cutOffCreates.add(row.id);
    }
    const last = spawnWorker(env);
    try {
      await settle(killedPids);
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
    // resent); everything else finishes. A worker sends one create at a time, so each kill
    // cuts off at most one.
    for (const row of rows) {
      expect(["succeeded", "uncertain"]).toContain(row.status);
      if (row.status === "uncertain") {
        expect(cutOffCreates.has(row.id), `${row.id} uncertain but no killed worker sent it`).toBe(
          true,
        );
        expect(createsPer.get(row.id) ?? 0).toBeLessThanOrEqual(1);
      }
    }
    expect(cutOffCreates.size).toBeLessThanOrEqual(5);
    expect(mediaFiles(mediaDir).sort()).toEqual(
      succeeded.flatMap((row) => [`posters/${row.id}.jpg`, `results/${row.id}.mp4`]).sort(),
    );
    console.info(
      `crash test: ${succeeded.length} succeeded, ${rows.length - succeeded.length} uncertain, ` +
        `${leasesLeftByKilled} leases left by killed workers, ` +
        `${log.counts.create} creates, ${log.counts.download} downloads`,
    );
  }, 150_000);
});

/**
 * Waits until every row is settled. A create cut off by a kill keeps its row `submitting`
 * under the dead worker's lease for SUBMIT_LEASE_MS (2 minutes), so that no second create
 * can go out while the first might still be on its way. Rather than wait those minutes,
 * once only such rows are left their leases are moved into the past, as if the time had
 * passed; the worker must then judge them orphaned (`uncertain`).
 */
async function settle(killedPids: number[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const open = await getDb().generation.findMany({
      where: { status: { in: FOLLOWED_OR_WAITING } },
      select: { id: true, status: true, leaseOwner: true, leaseUntil: true, errorMessage: true },
    });
    if (open.length === 0) return;
    const waitingOutSubmitLease = open.filter(
      (row) =>
        row.status === "submitting" &&
        killedPids.some((pid) => row.leaseOwner?.includes(`-${pid}-`)) &&
        row.leaseUntil !== null &&
        row.leaseUntil.getTime() > Date.now(),
    );
    if (waitingOutSubmitLease.length === open.length) {
      await getDb().generation.updateMany({
        where: { id: { in: open.map((row) => row.id) }, status: "submitting" },
        data: { leaseUntil: new Date(Date.now() - 1) },
      });
    }
    if (Date.now() > deadline) {
      throw new Error(`${open.length} generations never settled: ${JSON.stringify(open)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
