import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createGeneration } from "@/lib/generations/create-generation";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { probeVideo } from "@/lib/media/probe-video";
import { resetQueuePause } from "@/lib/queue/queue-pause";
import { startStandaloneSimulator } from "@/lib/simulator/serve-standalone";
import { SyncWorker } from "@/lib/worker/sync-worker";
import { useTestDatabase } from "../helpers/db-test-env";

/**
 * The whole server-side path against the simulator over real HTTP and a real SQLite file:
 * create → provider task → worker polls → MP4 copied, probed and postered.
 */
const KEY = "sk-test-pipeline";
let simulator: Awaited<ReturnType<typeof startStandaloneSimulator>>;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let mediaDir: string;
let simDir: string;

beforeAll(async () => {
  mediaDir = mkdtempSync(path.join(tmpdir(), "omni-media-"));
  simDir = mkdtempSync(path.join(tmpdir(), "omni-sim-"));
  simulator = await startStandaloneSimulator({
    port: 0,
    dataDir: simDir,
    key: KEY,
    speed: 0.02,
    urlTtlSeconds: 600,
    controlEnabled: true,
  });
  process.env.COMETAPI_KEY = KEY;
  process.env.COMETAPI_BASE_URL = simulator.baseUrl;
  process.env.MEDIA_DIR = mediaDir;
  process.env.WORKER_MIN_POLL_MS = "50";
  database = await useTestDatabase("sqlite");
  resetEnvForTests();
});

afterEach(async () => {
  resetQueuePause();
  await fetch(`${simulator.baseUrl}/__sim/faults`, { method: "DELETE" });
  await fetch(`${simulator.baseUrl}/__sim/requests`, { method: "DELETE" });
});

afterAll(async () => {
  await disconnectDb();
  await database.cleanup();
  await simulator.close();
  rmSync(mediaDir, { recursive: true, force: true });
  rmSync(simDir, { recursive: true, force: true });
  for (const name of ["COMETAPI_KEY", "COMETAPI_BASE_URL", "MEDIA_DIR", "WORKER_MIN_POLL_MS"]) {
    delete process.env[name];
  }
  resetEnvForTests();
});

async function runWorkerUntilSettled(id: string, timeoutMs = 20_000) {
  const worker = new SyncWorker({ tickMs: 1_000_000, leaseMs: 10_000 });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await worker.tick();
    await worker.drain();
    const row = await findGenerationRow(id);
    if (row && ["succeeded", "failed"].includes(row.status)) return row;
    if (Date.now() > deadline) throw new Error(`still ${row?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

async function simulatorRequests() {
  const response = await fetch(`${simulator.baseUrl}/__sim/requests`);
  return (await response.json()) as { creates: unknown[]; counts: Record<string, number> };
}

async function scriptFaults(faults: unknown) {
  await fetch(`${simulator.baseUrl}/__sim/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(faults),
  });
}

describe("generation pipeline", () => {
  it("sends the contract's body, follows the task and stores a real MP4 with a poster", async () => {
    const created = await createGeneration({
      prompt: "A red kite over green hills",
      mode: "std",
      aspectRatio: "9:16",
      duration: "5",
    });
    expect(created.status).toBe("submitted");
    expect(created.providerTaskId).toMatch(/^\d+$/);

    const { creates } = await simulatorRequests();
    expect(creates).toEqual([
      {
        model_name: "kling-video-o1",
        prompt: "A red kite over green hills",
        mode: "std",
        aspect_ratio: "9:16",
        duration: "5",
        external_task_id: created.id,
      },
    ]);

    const row = await runWorkerUntilSettled(created.id);
    expect(row.status).toBe("succeeded");
    expect(row.providerVideoUrl).toBeNull();
    expect(row.videoPath).toBe(`results/${created.id}.mp4`);
    const videoFile = path.join(mediaDir, row.videoPath ?? "");
    const probe = await probeVideo(videoFile);
    expect(probe.codec).toBe("h264");
    expect(probe.height).toBeGreaterThan(probe.width);
    expect(probe.durationSeconds).toBeGreaterThan(4.7);
    expect(probe.durationSeconds).toBeLessThan(5.3);
    expect(row.durationSeconds).toBeCloseTo(probe.durationSeconds, 1);
    expect(row.videoSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(path.join(mediaDir, row.posterPath ?? "missing"))).toBe(true);
    // No temp files are left behind by the atomic writes.
    const leftovers = readdirSync(path.join(mediaDir, "results")).filter((f) =>
      f.endsWith(".partial"),
    );
    expect(leftovers).toEqual([]);
  });

  it("keeps following through provider errors on query and says so meanwhile", async () => {
    const created = await createGeneration({
      prompt: "Rain on a tin roof",
      mode: "std",
      aspectRatio: "1:1",
      duration: "5",
    });
    await scriptFaults({
      query: [{ status: 500 }, { malformed: true }, { status: 503 }, { status: 429 }],
    });
    const row = await runWorkerUntilSettled(created.id);
    expect(row.status).toBe("succeeded");
    expect(row.errorMessage).toBeNull();
  });

  it("records the provider's moderation reason on a failed task", async () => {
    const created = await createGeneration({
      prompt: "Something the provider refuses [simulate:moderation]",
      mode: "std",
      aspectRatio: "16:9",
      duration: "5",
    });
    const row = await runWorkerUntilSettled(created.id);
    expect(row.status).toBe("failed");
    expect(row.errorMessage).toMatch(/risk control/i);
    expect(row.videoPath).toBeNull();
  });

  it("marks a create the provider refused as failed, with its message, and never retries it", async () => {
    await scriptFaults({
      create: [{ status: 400, body: { code: 1201, message: "bad parameter" } }],
    });
    const created = await createGeneration({
      prompt: "Busy provider",
      mode: "std",
      aspectRatio: "16:9",
      duration: "5",
    });
    expect(created.status).toBe("failed");
    expect(created.errorMessage).toBeTruthy();
    expect((await simulatorRequests()).counts.create).toBe(1);
  });

  it("marks a create whose answer was lost as uncertain instead of sending it again", async () => {
    await scriptFaults({ create: [{ reset: true }] });
    const created = await createGeneration({
      prompt: "Lost answer",
      mode: "std",
      aspectRatio: "16:9",
      duration: "5",
    });
    expect(created.status).toBe("uncertain");
    expect(created.errorMessage).toMatch(/check again/i);
    expect((await simulatorRequests()).counts.create).toBe(1);
  });

  it("recovers from a failed download by trying again", async () => {
    const created = await createGeneration({
      prompt: "Flaky download",
      mode: "std",
      aspectRatio: "16:9",
      duration: "5",
    });
    await scriptFaults({ download: [{ status: 500 }, { reset: true }] });
    const row = await runWorkerUntilSettled(created.id);
    expect(row.status).toBe("succeeded");
    expect((await simulatorRequests()).counts.download).toBeGreaterThanOrEqual(3);
  });

  it("refuses invalid input with field errors and writes nothing", async () => {
    await expect(
      createGeneration({ prompt: "", mode: "std", aspectRatio: "16:9", duration: "7" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { prompt: expect.any(Array), duration: expect.any(Array) },
    });
    expect((await simulatorRequests()).counts.create ?? 0).toBe(0);
  });
});
