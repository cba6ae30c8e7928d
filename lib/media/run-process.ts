import "server-only";
import { spawn } from "node:child_process";
import { AppError } from "@/lib/errors";

export type ProcessResult = { stdout: string; stderr: string };

export type RunProcessOptions = {
  timeoutMs?: number;
  cwd?: string;
  /** Output beyond this is dropped (from the front for stderr, so the error at the end stays). */
  maxOutputChars?: number;
};

/**
 * Runs a binary without a shell (arguments are never re-parsed, so prompts and paths need
 * no quoting) and rejects with an AppError carrying the stderr tail for logs.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  const { timeoutMs = 60_000, cwd, maxOutputChars = 1_000_000 } = options;
  const name = command.split(/[\\/]/).pop() ?? command;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (stdout.length < maxOutputChars) stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-maxOutputChars);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new AppError("internal", `Could not start ${name}.`, { cause: error }));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      const reason = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${code ?? signal}`;
      reject(
        new AppError("internal", `${name} ${reason}.`, {
          detail: { command: name, args, code, signal, stderr: stderr.slice(-4000) },
        }),
      );
    });
  });
}
