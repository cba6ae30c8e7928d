import "server-only";
import { AppError } from "@/lib/errors";
import { type RunnerReply, sendToProcessRunner } from "./process-runner-client";

export type ProcessResult = { stdout: string; stderr: string };

export type RunProcessOptions = {
  timeoutMs?: number;
  cwd?: string;
  /** Output beyond this is dropped (from the front for stderr, so the error at the end stays). */
  maxOutputChars?: number;
};

/**
 * Runs a binary without a shell (arguments are never re-parsed, so prompts and paths need
 * no quoting) and rejects with an AppError carrying the stderr tail for logs. The process
 * is started by the process runner (process-runner.mjs), so that starting it does not stall
 * this process's event loop.
 */
export async function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  const { timeoutMs = 60_000, cwd, maxOutputChars = 1_000_000 } = options;
  const name = command.split(/[\\/]/).pop() ?? command;
  let reply: RunnerReply;
  try {
    reply = await sendToProcessRunner({ command, args, cwd, timeoutMs, maxOutputChars });
  } catch (error) {
    // The runner itself could not start, or ended while this job ran.
    throw new AppError("internal", `Could not run ${name}.`, { cause: error });
  }
  if ("startError" in reply) {
    throw new AppError("internal", `Could not start ${name}.`, {
      cause: new Error(reply.startError),
    });
  }
  const { code, signal, stdout, stderr, timedOut } = reply;
  if (code === 0) return { stdout, stderr };
  const reason = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${code ?? signal}`;
  throw new AppError("internal", `${name} ${reason}.`, {
    detail: { command: name, args, code, signal, stderr: stderr.slice(-4000) },
  });
}
