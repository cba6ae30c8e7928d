import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { processRunnerPid, stopProcessRunner } from "@/lib/media/process-runner-client";
import { runProcess } from "@/lib/media/run-process";
import { isRunning, waitUntilGone } from "../helpers/processes";

/** A process that outlives any test unless something ends it. */
const SLEEPER = ["-c", "echo $$; exec sleep 30"];

function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error("expected the process to fail");
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    },
  );
}

describe("runProcess through the process runner", () => {
  it("passes arguments as they are and returns both outputs", async () => {
    const { stdout, stderr } = await runProcess("/bin/sh", [
      "-c",
      'printf "%s" "$1"; printf err >&2',
      "sh",
      "a prompt with 'quotes', $dollars and spaces",
    ]);
    expect(stdout).toBe("a prompt with 'quotes', $dollars and spaces");
    expect(stderr).toBe("err");
  });

  it("answers each job with its own output when they end out of order", async () => {
    const outputs = await Promise.all(
      [3, 1, 2].map((n) => runProcess("/bin/sh", ["-c", `sleep 0.${n}; echo ${n}`])),
    );
    expect(outputs.map((output) => output.stdout.trim())).toEqual(["3", "1", "2"]);
  });

  it("runs what it starts at a lower priority than the studio", async () => {
    // Field 19 of /proc/<pid>/stat is the nice value; read after the runner has set it.
    const { stdout } = await runProcess("/bin/sh", [
      "-c",
      "sleep 0.3; cut -d' ' -f19 /proc/$$/stat",
    ]);
    expect(Number(stdout)).toBe(10);
  });

  it("says which program failed, with its exit code and the end of its stderr", async () => {
    const error = await appErrorOf(runProcess("/bin/sh", ["-c", "echo broken >&2; exit 3"]));
    expect(error.message).toBe("sh exited with 3.");
    expect(error.detail).toMatchObject({ command: "sh", code: 3, stderr: "broken\n" });
  });

  it("says a program that does not exist could not start", async () => {
    const error = await appErrorOf(runProcess("/nonexistent/ffmpeg", ["-version"]));
    expect(error.message).toBe("Could not start ffmpeg.");
  });

  it("kills a process that runs past its time", async () => {
    const started = Date.now();
    const error = await appErrorOf(runProcess("/bin/sh", SLEEPER, { timeoutMs: 300 }));
    expect(error.message).toBe("sh timed out after 300 ms.");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("fails the jobs of a runner that died, and starts a new one for the next job", async () => {
    await runProcess("/bin/true", []);
    const firstRunner = processRunnerPid();
    expect(firstRunner).toBeDefined();
    const held = runProcess("/bin/sh", SLEEPER);
    const sleeper = await firstChildOf(firstRunner as number);
    process.kill(firstRunner as number, "SIGKILL");
    expect((await appErrorOf(held)).message).toBe("Could not run sh.");
    // Killed outright, the runner could not end its child: the studio ended it.
    expect(await waitUntilGone(() => running([sleeper]), 5000)).toEqual([]);

    expect((await runProcess("/bin/echo", ["again"])).stdout).toBe("again\n");
    expect(processRunnerPid()).not.toBe(firstRunner);
  });

  it("gives up on a runner that cannot answer, and the next job gets a new one", async () => {
    await runProcess("/bin/true", []);
    const stuck = processRunnerPid() as number;
    process.kill(stuck, "SIGSTOP"); // alive, but answers nothing
    // Its own timeout (100 ms) plus the runner's grace (5 s): then the runner is killed.
    expect((await appErrorOf(runProcess("/bin/true", [], { timeoutMs: 100 }))).message).toBe(
      "Could not run true.",
    );
    expect(await waitUntilGone(() => running([stuck]), 5000)).toEqual([]);
    expect((await runProcess("/bin/echo", ["fresh"])).stdout).toBe("fresh\n");
  });

  it("ends with its stdin, and ends what it started", async () => {
    const job = runProcess("/bin/sh", SLEEPER).catch((error: unknown) => error);
    const runner = processRunnerPid() as number;
    const sleeper = await firstChildOf(runner);
    await stopProcessRunner();
    expect(await job).toBeInstanceOf(AppError);
    expect(await waitUntilGone(() => running([runner, sleeper]), 5000)).toEqual([]);
  });
});

function running(pids: number[]) {
  return pids.filter(isRunning).map((pid) => ({ pid, pgid: 0, command: "" }));
}

/** The first child of `parent`, from /proc, once it has one. */
async function firstChildOf(parent: number): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    try {
      const children = readFileSync(`/proc/${parent}/task/${parent}/children`, "utf8").trim();
      if (children) return Number(children.split(" ")[0]);
    } catch {
      // not there yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`process ${parent} started no child`);
}
