import { existsSync, readdirSync, readFileSync } from "node:fs";

/**
 * What is running, read from Linux's /proc: enough to prove a killed process is gone and
 * that a test run left nothing behind. Zombies (exited, not yet reaped) count as gone.
 * Where /proc does not exist (macOS), `canInspectProcesses` is false and callers say so.
 */
export type RunningProcess = { pid: number; pgid: number; command: string };

export const canInspectProcesses = existsSync("/proc/self/stat");

/** Every live process whose environment (as it was started) holds `name=value`. */
export function processesWithEnv(name: string, value: string): RunningProcess[] {
  const needle = `${name}=${value}`;
  return allPids().flatMap((pid) => {
    const environ = read(`/proc/${pid}/environ`);
    if (!environ?.split("\0").includes(needle)) return [];
    return readProcess(pid);
  });
}

/** Every live process in process group `pgid` (a detached child's pid is its group id). */
export function processGroupMembers(pgid: number): RunningProcess[] {
  return allPids().flatMap((pid) => readProcess(pid).filter((found) => found.pgid === pgid));
}

export function isRunning(pid: number): boolean {
  return readProcess(pid).length > 0;
}

/** Polls until `list()` is empty or the time is up; returns what is still there. */
export async function waitUntilGone(
  list: () => RunningProcess[],
  timeoutMs: number,
): Promise<RunningProcess[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = list();
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function formatProcesses(list: RunningProcess[]): string {
  return list.map((found) => `  pid ${found.pid}: ${found.command.slice(0, 200)}`).join("\n");
}

function allPids(): number[] {
  if (!canInspectProcesses) return [];
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid !== process.pid);
}

function readProcess(pid: number): RunningProcess[] {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return [];
  // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[0] === "X") return [];
  const command = (read(`/proc/${pid}/cmdline`) ?? "").replaceAll("\0", " ").trim();
  return [{ pid, pgid: Number(fields[2]), command }];
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined; // gone meanwhile, or another user's
  }
}
