import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node";
import { findTestPostgres, redact } from "../../scripts/find-test-postgres";
import {
  canInspectProcesses,
  formatProcesses,
  processesWithEnv,
  waitUntilGone,
} from "../helpers/processes";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server for the PostgreSQL cases, or "" when they are skipped. */
    testPostgresUrl: string;
  }
}

/**
 * Once per `vitest run`: decides whether the PostgreSQL cases run (and says so at the start
 * and again at the end, where it is not scrolled away), and afterwards fails the run if any
 * process started by a test (worker, simulator, next-server, ffmpeg…) is still alive.
 * Processes are recognised by OMNI_TEST_RUN in the environment they inherited.
 */
export default async function setup(project: TestProject) {
  const postgres = await findTestPostgres();
  project.provide("testPostgresUrl", postgres.url ?? "");
  const verdict =
    postgres.url === undefined
      ? `PostgreSQL tests: SKIPPED, ${postgres.reason}.`
      : `PostgreSQL tests: running against ${redact(postgres.url)} (${
          postgres.source === "detected" ? "found at the default address" : "TEST_POSTGRES_URL"
        }).`;
  console.info(verdict);
  const runId = randomUUID();
  process.env.OMNI_TEST_RUN = runId;

  return async () => {
    console.info(verdict);
    if (!canInspectProcesses) {
      console.info("Leftover-process check: not run (no /proc on this system).");
      return;
    }
    const left = await waitUntilGone(() => processesWithEnv("OMNI_TEST_RUN", runId), 5_000);
    if (left.length === 0) return;
    for (const found of left) killQuietly(found.pid);
    console.error(
      `The test run left ${left.length} process(es) running (now killed):\n${formatProcesses(left)}`,
    );
    // A teardown that throws is only logged by vitest; the exit code is what CI sees.
    process.exitCode = 1;
  };
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}
