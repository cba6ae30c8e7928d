import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU seconds, split so the figure says whose they are. Linux's /proc/<pid>/stat gives a
 * process's own time (utime, stime) and the time of its children it has waited for
 * (cutime, cstime): ffmpeg and ffprobe are waited for as soon as they exit, so a media
 * job counts toward the process that ran it. Without /proc the figures are null.
 */
export type CpuSample = { self: number; children: number } | null;

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function sampleCpu(pid: number | "self"): CpuSample {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // Fields after "pid (comm) ": state is [0]; utime [11], stime [12], cutime [13], cstime [14].
  const fields = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  const at = (i: number) => (fields[i] ?? 0) / ticksPerSecond;
  if (pid === "self") {
    // cpuUsage is finer than clock ticks for the process itself.
    const usage = process.cpuUsage();
    return { self: (usage.user + usage.system) / 1e6, children: at(13) + at(14) };
  }
  return { self: at(11) + at(12), children: at(13) + at(14) };
}

/** CPU seconds spent between two samples, rounded to 0.1 s. */
export function cpuBetween(before: CpuSample, after: CpuSample) {
  if (!before || !after) return { self: null, children: null };
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    self: round(after.self - before.self),
    children: round(after.children - before.children),
  };
}

/**
 * A process's CPU and, as "children", that of all it started: the descendants still running
 * (read from /proc, recursively: the studio's process runner and the ffmpeg it runs now) and
 * those already waited for. `skip` names children whose subtrees are someone else's (the
 * benchmark starts the simulator, which is not the studio).
 */
export function sampleProcessTree(pid: number | "self", skip: readonly number[] = []): CpuSample {
  const own = sampleCpu(pid);
  if (!own) return null;
  let children = own.children;
  for (const child of liveChildren(pid)) {
    if (skip.includes(child)) continue;
    const tree = sampleProcessTree(child, skip);
    if (tree) children += tree.self + tree.children;
  }
  return { self: own.self, children };
}

/** Children of every thread of `pid` (a thread that spawned owns its child in /proc). */
function liveChildren(pid: number | "self"): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8")
        .split(" ")
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}
