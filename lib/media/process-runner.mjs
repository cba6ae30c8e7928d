// The studio's process runner: a small Node process that starts ffmpeg and ffprobe for the
// studio (run-process.ts). Starting a process from the studio itself costs its event loop
// 7–12 ms each time (fork copies the page tables of a 300 MB process), and every request,
// download and page waits meanwhile; from this process it costs about 1 ms, and nobody waits.
//
// Plain JavaScript, no imports beyond Node's own, so it starts in a few tens of ms.
// Protocol, one JSON object per line:
//   in:  { id, command, args, cwd, timeoutMs, maxOutputChars }
//   out: { id, code, signal, stdout, stderr, timedOut } or { id, startError }
// It ends when its stdin closes (the studio stopped or died), killing what it started.

import { spawn } from "node:child_process";
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
