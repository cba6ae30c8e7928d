import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { insertGeneration } from "@/lib/generations/generation-repository";
import { newId } from "@/lib/ids";

/** Standalone worker processes (scripts/worker.ts), as deployments run them. */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      path.join("node_modules", "tsx", "dist", "cli.mjs"),
      "--conditions=react-server",
      "scripts/worker.ts",
    ],
    {
      cwd: process.cwd(),
      env: { ...process.env, NODE_ENV: "test", WORKER_ENABLED: "1", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  child.stderr?.on("data", () => undefined);
  return child;
}

export async function killWorker(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** Rows written as `queued`, so the workers themselves submit them (through the queue). */
export async function insertQueued(count: number, prompt: string): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const id = newId("gen", Date.now() + n);
    await insertGeneration({
      id,
      prompt: `${prompt} ${n}`,
      mode: "std",
      aspectRatio: "16:9",
      duration: "5",
      status: "queued",
      callbackToken: null,
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
