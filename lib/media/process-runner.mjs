// The studio's process runner: a small Node process that starts ffmpeg and ffprobe for the
// studio (run-process.ts). Starting a process from the studio itself blocked its event loop
// 7–12 ms each time in the pipeline benchmark (a process of about 300 MB; about 1 ms from a
// small one), and every request, download and page waited meanwhile; here nobody waits.
//
// Plain JavaScript, no imports beyond Node's own, so it starts in a few tens of ms.
// Protocol, one JSON object per line:
//   in:  { id, command, args, cwd, timeoutMs, maxOutputChars }
//   out: { id, code, signal, stdout, stderr, timedOut } or { id, startError }
// It ends when its stdin closes (the studio stopped or died), killing what it started.

import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { createInterface } from "node:readline";

const running = new Set();

function reply(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function run({ id, command, args, cwd, timeoutMs, maxOutputChars }) {
  let child;
  try {
    child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    reply({ id, startError: String(error?.message ?? error) });
    return;
  }
  running.add(child);
  // Media work yields the CPU to the studio's own process (pages, the worker storing
  // results): a poster or a render that waits a little costs nobody anything.
  try {
    setPriority(child.pid, 10);
  } catch {
    // Not allowed here, or already ended: it runs at normal priority.
  }
  let stdout = "";
  let stderr = "";
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    if (stdout.length < maxOutputChars) stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-maxOutputChars);
  });
  // A start that fails emits "error" (and maybe "close"): answer whichever comes first.
  child.on("error", (error) => {
    clearTimeout(timer);
    if (!running.delete(child)) return;
    reply({ id, startError: String(error?.message ?? error) });
  });
  child.on("close", (code, signal) => {
    clearTimeout(timer);
    if (!running.delete(child)) return;
    reply({ id, code, signal, stdout, stderr, timedOut });
  });
}

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim()) run(JSON.parse(line));
});
lines.on("close", () => {
  for (const child of running) child.kill("SIGKILL");
  process.exit(0);
});
