import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { handleKlingCallback } from "@/lib/callbacks/handle-kling-callback";
import { disconnectDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { resetEnvForTests } from "@/lib/env";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { pauseQueue, resetQueuePause } from "@/lib/worker/queue-pause";
import { setStageRecorder } from "@/lib/worker/stage-clock";
import { SyncWorker } from "@/lib/worker/sync-worker";
import { cpuBetween, sampleProcessTree } from "./cpu";
import { percentile, STAGES, stageSummary, trackPeakRss } from "./measure";

export const SETTINGS = {
  simulatorSpeed: 0.05, // std: submitted 0.1 s, processing 0.4 s
  pollIntervalMs: 1000,
  // The provider-side cap: what the studio keeps running at once (the rest waits queued).
  maxInFlight: 16,
  maxProviderRequests: 8,
  maxConcurrentChecks: 16,
};
const KEY = "sk-bench-pipeline";

type SimTaskFile = {
  taskId: string;
  createdAt: number;
  submittedMs: number;
  processingMs: number;
  video?: { renderedAt: number };
};

/** The simulator in its own process: node with tsx's loader, so its pid is the simulator's. */
async function startSimulator(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "bench/pipeline/sim-server.ts",
      dataDir,
      KEY,
      String(SETTINGS.simulatorSpeed),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the simulator exited (${code})`)));
    child.stdout?.once("data", (chunk: Buffer) =>
      resolve(chunk.toString().trim().split("\n")[0] ?? ""),
    );
  });
  return { child, url };
}

/**
 * One measured run: `count` generations queued first (so inserting them is not measured),
 * then the worker is started, as in production, and the clock runs until every row settled.
 */
export async function runOnce(count: number, callbacks: boolean) {
  const work = mkdtempSync(path.join(tmpdir(), "omni-bench-"));
  const simDir = path.join(work, "sim");
  const sim = await startSimulator(simDir);
  // Last time of each stage per generation: the success callback and the claim that led to
  // the download are the last of their kind.
  const stages = new Map<string, Record<string, number>>();
  const mark = (id: string, stage: string, at: number) => {
    const entry = stages.get(id) ?? {};
    entry[stage] = at;
    stages.set(id, entry);
  };
  const receiver = createServer((request, response) => {
    request.resume();
    // handleKlingCallback marks the "callback" stage itself.
    const token = (request.url ?? "").split("/").pop() ?? "";
    void handleKlingCallback(token).then((outcome) =>
      response.writeHead(outcome === "unknown" ? 404 : 204).end(),
    );
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    NODE_ENV: "test",
    DATABASE_URL: `file:${path.join(work, "bench.db")}`,
    MEDIA_DIR: path.join(work, "media"),
    COMETAPI_KEY: KEY,
    COMETAPI_BASE_URL: sim.url,
    WORKER_MIN_POLL_MS: String(SETTINGS.pollIntervalMs),
    WORKER_MAX_IN_FLIGHT: String(SETTINGS.maxInFlight),
    WORKER_MAX_PROVIDER_REQUESTS: String(SETTINGS.maxProviderRequests),
  });
  if (callbacks) {
    process.env.PUBLIC_BASE_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  } else delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
  await disconnectDb();
  await migrateDatabase();

  pauseQueue(24 * 3600_000);
  for (let n = 0; n < count; n++) {
    await createGeneration({
      prompt: `Bench ${n}`,
      mode: "std",
      aspectRatio: "16:9",
      duration: "5",
      images: [],
      elements: [],
      videos: [],
    });
  }
  resetQueuePause();
  setStageRecorder(mark);
  // The simulator is this process's child too; its tree is counted apart.
  const simPid = sim.child.pid;
  const studioTree = () => sampleProcessTree("self", simPid ? [simPid] : []);
  const simTree = () => (simPid ? sampleProcessTree(simPid) : null);
  const studioBefore = studioTree();
  const simBefore = simTree();
  const rss = trackPeakRss();
  const started = Date.now();
  // The production tick (1 s): due polls fire on their own timer, callbacks wake at once.
  const worker = new SyncWorker({
    maxConcurrentChecks: SETTINGS.maxConcurrentChecks,
    soleWorker: true,
  });
  worker.start();
  for (;;) {
    const open = await getDb().generation.count({
      where: { status: { notIn: ["succeeded", "failed", "canceled", "uncertain"] } },
    });
    if (open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await worker.stop();
  setStageRecorder(undefined);
  const studioCpu = cpuBetween(studioBefore, studioTree());
  const simCpu = cpuBetween(simBefore, simTree());
  const peakRssMb = rss.stop();
  const wallSeconds = (Date.now() - started) / 1000;

  const rows = await getDb().generation.findMany();
  const log = (await (await fetch(`${sim.url}/__sim/requests`)).json()) as { queries: string[] };
  const queriesPer = new Map<string, number>();
  for (const id of log.queries) queriesPer.set(id, (queriesPer.get(id) ?? 0) + 1);
  const requestsPer: number[] = [];
  const delays: number[] = [];
  for (const row of rows) {
    if (!row.providerTaskId) continue;
    requestsPer.push(1 + (queriesPer.get(row.providerTaskId) ?? 0));
    const task = JSON.parse(
      readFileSync(path.join(simDir, "tasks", `${row.providerTaskId}.json`), "utf8"),
    ) as SimTaskFile;
    const dueAt = task.createdAt + task.submittedMs + task.processingMs;
    const succeededAt = Math.max(dueAt, task.video?.renderedAt ?? dueAt);
    if (row.finishedAt) delays.push(row.finishedAt.getTime() - succeededAt);
    const entry = stages.get(row.id);
    if (entry) {
      entry.providerSucceeded = succeededAt;
      if (row.submittedAt) entry.submitted = row.submittedAt.getTime();
    }
  }
  await disconnectDb();
  receiver.close();
  sim.child.kill("SIGTERM");
  await new Promise((resolve) => sim.child.once("exit", resolve));
  rmSync(work, { recursive: true, force: true });
  return {
    callbacks,
    generations: count,
    succeeded: rows.filter((row) => row.status === "succeeded").length,
    providerRequestsPerGeneration: {
      median: percentile(requestsPer, 50),
      max: Math.max(...requestsPer),
    },
    successToStoredMs: { p50: percentile(delays, 50), p95: percentile(delays, 95) },
    stagesMs: stageSummary(
      [...stages.values()],
      STAGES.filter((stage) => callbacks || stage.key !== "callback"),
    ),
    /** The studio (worker, callback receiver): its own CPU, and its runner's with the ffmpeg it ran. */
    studioCpuSeconds: studioCpu,
    /** The simulator and what it started, reported apart: it is not the studio being measured. */
    simulatorCpuSeconds: simCpu,
    peakRssMb,
    wallSeconds,
  };
}

export type RunResult = Awaited<ReturnType<typeof runOnce>>;
