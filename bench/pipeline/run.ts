/**
 * Pipeline benchmark: N generations (default 500) through the standalone simulator with its
 * latency scaled down, once with callbacks and once with polling only. Reports provider
 * requests per generation, the delay from the provider's success to the row being done,
 * the worker's CPU time and peak memory, and where the delay goes (per-stage timestamps).
 * `npm run bench:pipeline [-- --count 500 --runs 2]`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { handleKlingCallback } from "@/lib/callbacks/handle-kling-callback";
import { disconnectDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { resetEnvForTests } from "@/lib/env";
import { createGeneration } from "@/lib/generations/create-generation";
import { pauseQueue, resetQueuePause } from "@/lib/queue/queue-pause";
import { setStageRecorder } from "@/lib/worker/stage-clock";
import { SyncWorker } from "@/lib/worker/sync-worker";
import { percentile, stageSummary, trackPeakRss } from "./measure";

const COUNT = Number(process.argv[process.argv.indexOf("--count") + 1] || 500) || 500;
const SPEED = 0.05; // std: submitted 0.1 s, processing 0.4 s
const POLL_MS = 1000;
// The provider-side cap: what the studio keeps running at once (the rest waits queued).
const MAX_IN_FLIGHT = 16;
const KEY = "sk-bench-pipeline";

type SimTaskFile = {
  taskId: string;
  createdAt: number;
  submittedMs: number;
  processingMs: number;
  video?: { renderedAt: number };
};

async function startSimulator(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      path.join("node_modules", "tsx", "dist", "cli.mjs"),
      "--conditions=react-server",
      "bench/pipeline/sim-server.ts",
      dataDir,
      KEY,
      String(SPEED),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve) => {
    child.stdout?.once("data", (chunk: Buffer) =>
      resolve(chunk.toString().trim().split("\n")[0] ?? ""),
    );
  });
  return { child, url };
}

async function runOnce(callbacks: boolean) {
  const work = mkdtempSync(path.join(tmpdir(), "omni-bench-"));
  const simDir = path.join(work, "sim");
  const sim = await startSimulator(simDir);
  // Last time of each stage per generation: the success callback and the claim that led to
  // the download are the last of their kind.
  const stages = new Map<string, Record<string, number>>();
  const tokenToId = new Map<string, string>();
  const mark = (id: string, stage: string, at: number) => {
    const entry = stages.get(id) ?? {};
    entry[stage] = at;
    stages.set(id, entry);
  };
  const receiver = createServer((request, response) => {
    request.resume();
    const token = (request.url ?? "").split("/").pop() ?? "";
    const id = tokenToId.get(token);
    if (id) mark(id, "callback", Date.now());
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
    WORKER_MIN_POLL_MS: String(POLL_MS),
    WORKER_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
    WORKER_MAX_PROVIDER_REQUESTS: "8",
  });
  if (callbacks) {
    process.env.PUBLIC_BASE_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  } else delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
  await disconnectDb();
  await migrateDatabase();

  // All rows are inserted (queued: the queue is held) before the clock starts, so inserting
  // 500 rows does not compete with the pipeline being measured.
  pauseQueue(24 * 3600_000);
  for (let n = 0; n < COUNT; n++) {
    await createGeneration({
      prompt: `Bench ${n}`,
      mode: "std",
      aspectRatio: "16:9",
      duration: "5",
    });
  }
  for (const row of await getDb().generation.findMany({
    select: { id: true, callbackToken: true },
  })) {
    if (row.callbackToken) tokenToId.set(row.callbackToken, row.id);
  }
  resetQueuePause();
  setStageRecorder(mark);
  const cpuBefore = process.cpuUsage();
  const rss = trackPeakRss();
  const started = Date.now();
  // The production tick (1 s): due polls fire on their own timer, callbacks wake at once.
  const worker = new SyncWorker({ maxConcurrentChecks: 16, soleWorker: true });
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
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssMb = rss.stop();
  const wallSeconds = (Date.now() - started) / 1000;

  const rows = await getDb().generation.findMany();
  const log = (await (await fetch(`${sim.url}/__sim/requests`)).json()) as {
    queries: string[];
    creates: unknown[];
  };
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
    if (entry) entry.providerDone = succeededAt;
  }
  const result = {
    callbacks,
    generations: COUNT,
    succeeded: rows.filter((row) => row.status === "succeeded").length,
    providerRequestsPerGeneration: {
      median: percentile(requestsPer, 50),
      max: Math.max(...requestsPer),
    },
    successToDoneMs: { p50: percentile(delays, 50), p95: percentile(delays, 95) },
    stagesMs: stageSummary(
      [...stages.values()],
      [
        "providerDone",
        ...(callbacks ? ["callback"] : []),
        "claimed",
        "queried",
        "downloaded",
        "probed",
        "postered",
        "released",
      ],
    ),
    workerCpuSeconds: Math.round(((cpu.user + cpu.system) / 1e6) * 10) / 10,
    peakRssMb,
    wallSeconds,
  };
  await disconnectDb();
  receiver.close();
  sim.child.kill("SIGTERM");
  await new Promise((resolve) => sim.child.once("exit", resolve));
  rmSync(work, { recursive: true, force: true });
  return result;
}

const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1] || 1) || 1;
const loadBefore = loadavg()
  .map((n) => n.toFixed(2))
  .join(" ");
const results = [];
for (let run = 1; run <= RUNS; run++) {
  results.push({ run, ...(await runOnce(true)) }, { run, ...(await runOnce(false)) });
}
const loadAfter = loadavg()
  .map((n) => n.toFixed(2))
  .join(" ");
const settings = {
  count: COUNT,
  runs: RUNS,
  simulatorSpeed: SPEED,
  pollIntervalMs: POLL_MS,
  maxInFlight: MAX_IN_FLIGHT,
  cores: availableParallelism(),
  loadAverageBefore: loadBefore,
  loadAverageAfter: loadAfter,
};
const rows = results.map((r) => ({
  run: r.run,
  callbacks: r.callbacks,
  succeeded: `${r.succeeded}/${r.generations}`,
  "requests/gen median": r.providerRequestsPerGeneration.median,
  "requests/gen max": r.providerRequestsPerGeneration.max,
  "delay p50 ms": r.successToDoneMs.p50,
  "delay p95 ms": r.successToDoneMs.p95,
  "cpu s": r.workerCpuSeconds,
  "peak MB": r.peakRssMb,
  "wall s": r.wallSeconds,
}));
const stages = results.map((r) => ({ run: r.run, callbacks: r.callbacks, ...r.stagesMs }));
process.stdout.write(`${JSON.stringify({ settings, rows, stages }, null, 2)}\n`);
writeFileSync(
  path.join("bench", "pipeline", "results.json"),
  `${JSON.stringify({ settings, results, at: new Date().toISOString() }, null, 2)}\n`,
);
process.exit(0);
