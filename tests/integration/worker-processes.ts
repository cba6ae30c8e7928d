import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { formatProcesses, processGroupMembers, waitUntilGone } from "../helpers/processes";

/**
 * A standalone worker process (scripts/worker.ts), as deployments run it. Node runs the
 * worker itself with tsx's loader (`node --import tsx`), not the `tsx` CLI, which would
 * start the worker as a second process: a signal to the CLI's pid never reached the worker.
 * Detached, so the worker and its ffmpeg/ffprobe children form one process group that a
 * crash can take down together, as a container's would go.
 */
export type WorkerProcess = ChildProcess & {
  pid: number;
  /** The SyncWorker id the process printed once it started (it holds the process's pid). */
  workerId: Promise<string>;
};

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"],
    {
      cwd: process.cwd(),
      env: { ...process.env, NODE_ENV: "test", WORKER_ENABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  child.stderr?.on("data", () => undefined);
  if (child.pid === undefined) throw new Error("the worker process did not start");
  let output = "";
  const workerId = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const id = /worker (\S+) following tasks/.exec(output)?.[1];
      if (id) resolve(id);
    });
    child.once("exit", () => reject(new Error(`worker exited before starting: ${output}`)));
  });
  workerId.catch(() => undefined); // a worker killed before it started is not an error here
  return Object.assign(child, { pid: child.pid, workerId });
}

/**
 * SIGKILL takes down the whole group (the worker mid-work, ffmpeg included), like a crash;
 * SIGTERM goes to the worker alone, which finishes its work and exits. Either way this
 * returns only once no process of the group is left, and throws if one outlives 10 s.
 */
export async function killWorker(
  child: WorkerProcess,
  signal: "SIGKILL" | "SIGTERM",
): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      if (signal === "SIGKILL") process.kill(-child.pid, "SIGKILL");
      else child.kill(signal);
    } catch {
      // it exited on its own just now; the exit event is on its way
    }
    await exited;
  }
  const left = await waitUntilGone(() => processGroupMembers(child.pid), 10_000);
  if (left.length > 0) {
    throw new Error(`worker ${child.pid} left processes running:\n${formatProcesses(left)}`);
  }
}

/** Rows written as `queued`, so the workers themselves submit them (through the queue). */
export async function insertQueued(count: number, prompt: string): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const id = newId("gen", Date.now() + n);
    await getDb().generation.create({
      data: {
        id,
        prompt: `${prompt} ${n}`,
        mode: "std",
        aspectRatio: "16:9",
        duration: "5",
        status: "queued",
        callbackToken: null,
      },
    });
    ids.push(id);
  }
  return ids;
}

/** Every file under results/ and posters/ (temp files included). */
export function mediaFiles(mediaDir: string): string[] {
  return ["results", "posters"].flatMap((folder) => {
    const dir = path.join(mediaDir, folder);
    return existsSync(dir) ? readdirSync(dir).map((name) => `${folder}/${name}`) : [];
  });
}
