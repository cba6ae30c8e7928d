import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";

/**
 * Benchmark figures are never typed by hand: each benchmark script writes its own block into
 * its README, between these markers, stamped with where and when they were measured.
 */
const START = "<!-- figures:start (written by the benchmark script; do not edit) -->";
const END = "<!-- figures:end -->";

export type MachineStamp = {
  commit: string;
  /** Uncommitted changes in the checkout when the figures were taken. */
  dirty: boolean;
  at: string;
  node: string;
  cores: number;
  cpu: string;
  loadAverage: string;
};

export function loadAverageNow(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
}

export function machineStamp(): MachineStamp {
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
  let commit = "unknown";
  let dirty = false;
  try {
    commit = git("rev-parse", "--short", "HEAD");
    dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
  } catch {
    // not a git checkout (an unpacked tarball): say so rather than guess
  }
  return {
    commit,
    dirty,
    at: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? "unknown",
    loadAverage: loadAverageNow(),
  };
}

/** One line saying where the figures come from; `loadBefore` is taken before the runs. */
export function stampLine(stamp: MachineStamp, loadBefore: string): string {
  return (
    `Measured ${stamp.at.slice(0, 16).replace("T", " ")} UTC at commit \`${stamp.commit}\`` +
    `${stamp.dirty ? " (with uncommitted changes)" : ""}, Node ${stamp.node}, ${stamp.cores} cores ` +
    `(${stamp.cpu}); load average (1/5/15 min) ${loadBefore} before, ${stamp.loadAverage} after.`
  );
}

/** Replaces the figures block in `readmePath` (appending one if there is none yet). */
export function writeFiguresBlock(readmePath: string, markdown: string): void {
  let text = "";
  try {
    text = readFileSync(readmePath, "utf8");
  } catch {
    // a new README
  }
  const block = `${START}\n\n${markdown.trim()}\n\n${END}`;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${text.slice(0, start)}${block}${text.slice(end + END.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(readmePath, next);
  formatWithBiome(readmePath);
}

/**
 * Biome checks Markdown and JSON too (tables aligned, short arrays on one line): format what
 * a benchmark wrote as `npm run check` wants it, so a fresh run leaves the check passing.
 */
export function formatWithBiome(file: string): void {
  try {
    execFileSync("npx", ["biome", "format", "--write", file], { stdio: "ignore" });
  } catch {
    console.warn(`could not format ${file}; run \`npx biome format --write\` on it`);
  }
}

/** A Markdown table from rows of cells (the first row is the header). */
export function markdownTable(rows: (string | number)[][]): string {
  const [header = [], ...body] = rows;
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...body.map(line)].join("\n");
}
