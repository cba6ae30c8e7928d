import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

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

export function sampleCpu(pid: number | "self"): CpuSample {
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
 * The studio's CPU: this process's own, and as "children" its process runner's
 * (lib/media/process-runner.mjs), which starts ffmpeg and ffprobe for it, with theirs. A
 * runner that has not started yet has used nothing; one that ended is in this process's
 * own children's time.
 */
export function sampleStudioCpu(runnerPid: number | undefined): CpuSample {
  const own = sampleCpu("self");
  const runner = runnerPid ? sampleCpu(runnerPid) : { self: 0, children: 0 };
  if (!own || !runner) return null;
  return { self: own.self, children: own.children + runner.self + runner.children };
}
