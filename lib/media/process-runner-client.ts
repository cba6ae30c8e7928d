import "server-only";
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

export type RunnerRequest = {
  command: string;
  args: readonly string[];
  cwd: string | undefined;
  timeoutMs: number;
  maxOutputChars: number;
};

export type RunnerReply =
  | { startError: string }
  | {
      code: number | null;
      signal: string | null;
      stdout: string;
      stderr: string;
      timedOut: boolean;
    };

type Pending = { resolve: (reply: RunnerReply) => void; reject: (error: Error) => void };

type Runner = {
  child: ChildProcessByStdio<Writable, Readable, null>;
  pending: Map<number, Pending>;
  nextId: number;
};

// One runner per process, kept on globalThis so that a dev server's reloaded modules share it.
const holder = globalThis as unknown as { omniProcessRunner?: Runner };

/**
 * Hands one process to the runner (process-runner.mjs) and waits for how it ended. Starts
 * the runner on first use and again after it died; a runner that dies mid-job fails the
 * jobs it held (their callers already handle a process that could not start).
 */
export function sendToProcessRunner(request: RunnerRequest): Promise<RunnerReply> {
  const runner = holder.omniProcessRunner ?? startRunner();
  const id = runner.nextId++;
  return new Promise<RunnerReply>((resolve, reject) => {
    // The runner kills a job at its timeout and answers; one that cannot answer by then
    // (stopped, stuck) is killed, which fails its jobs, and the next job starts a new one.
    const deadline = setTimeout(() => endGroup(runner), request.timeoutMs + ANSWER_GRACE_MS);
    deadline.unref();
    const settle = () => clearTimeout(deadline);
    runner.pending.set(id, {
      resolve: (reply) => {
        settle();
        resolve(reply);
      },
      reject: (error) => {
        settle();
        reject(error);
      },
    });
    if (runner.pending.size === 1) keepAlive(runner, true);
    runner.child.stdin.write(`${JSON.stringify({ id, ...request })}\n`);
  });
}

/** How long past a job's own timeout the runner has to answer for it. */
const ANSWER_GRACE_MS = 5_000;

function startRunner(): Runner {
  const script = path.join(
    /*turbopackIgnore: true*/ process.cwd(),
    "lib",
    "media",
    "process-runner.mjs",
  );
  // NODE_OPTIONS may name a loader or an inspector port meant for the studio, not for this.
  const { NODE_OPTIONS: _studioOnly, ...env } = process.env;
  // Its own process group, which the processes it starts join: a runner killed outright
  // cannot end them itself, so the group is ended from here (endGroup).
  const child = spawn(process.execPath, [script], {
    env,
    stdio: ["pipe", "pipe", "inherit"],
    detached: true,
  });
  const runner: Runner = { child, pending: new Map(), nextId: 1 };
  holder.omniProcessRunner = runner;
  createInterface({ input: child.stdout }).on("line", (line) => {
    const { id, ...reply } = JSON.parse(line) as RunnerReply & { id: number };
    const waiting = runner.pending.get(id);
    if (!waiting) return;
    runner.pending.delete(id);
    if (runner.pending.size === 0) keepAlive(runner, false);
    waiting.resolve(reply);
  });
  const fail = (error: Error) => {
    if (holder.omniProcessRunner === runner) holder.omniProcessRunner = undefined;
    for (const waiting of runner.pending.values()) waiting.reject(error);
    runner.pending.clear();
  };
  child.on("error", fail);
  child.on("exit", (code, signal) => {
    endGroup(runner);
    fail(new Error(`process runner ended (${code ?? signal})`));
  });
  // A write to a runner that just died: the exit handler above fails the jobs.
  child.stdin.on("error", () => {});
  keepAlive(runner, false);
  return runner;
}

/** Kills the runner and whatever it started that is still running. */
function endGroup({ child }: Runner): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group is empty: nothing was left running.
  }
}

/**
 * An idle runner must not keep a script or a test worker from ending. (The pipes are
 * sockets, which can be unref'd; Node's stream types do not say so.)
 */
function keepAlive({ child }: Runner, busy: boolean): void {
  const handles = [child, child.stdin, child.stdout] as unknown as {
    ref(): void;
    unref(): void;
  }[];
  for (const handle of handles) {
    if (busy) handle.ref();
    else handle.unref();
  }
}

/** The runner's process id while it runs (tests kill and stop it). */
export function processRunnerPid(): number | undefined {
  return holder.omniProcessRunner?.child.pid;
}

/**
 * Ends the runner (and whatever it still runs) and waits until it is gone. A process that
 * just exits needs none of this: the runner sees its stdin close and ends by itself. The
 * test setup calls it before checking that a test file left no process behind.
 */
export async function stopProcessRunner(): Promise<void> {
  const runner = holder.omniProcessRunner;
  if (!runner) return;
  holder.omniProcessRunner = undefined;
  if (runner.child.exitCode !== null || runner.child.signalCode !== null) return;
  const gone = once(runner.child, "exit");
  runner.child.stdin.end();
  await gone;
}
