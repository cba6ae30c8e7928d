import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { stopProcessRunner } from "@/lib/media/process-runner-client";
import {
  canInspectProcesses,
  formatProcesses,
  processesWithEnv,
  waitUntilGone,
} from "../helpers/processes";

/**
 * Runs before every test file: every process the file starts inherits OMNI_TEST_FILE, and
 * after the file's own afterAll hooks (this one is registered first, so it runs last) none
 * of them may still be alive. Naming the file here beats a bare count at the end of the run.
 */
const fileRun = randomUUID();
process.env.OMNI_TEST_FILE = fileRun;
// Route handlers called directly stand for requests that came through scripts/serve.mjs,
// which sets this and writes the peer address header (tests/security/client-address.test.ts
// covers a studio without it).
process.env.OMNI_PEER_ADDRESS_STAMPED = "1";

afterAll(async () => {
  // The process runner belongs to this test process, as it would to a studio: it ends with it.
  await stopProcessRunner();
  if (!canInspectProcesses) return;
  const left = await waitUntilGone(() => processesWithEnv("OMNI_TEST_FILE", fileRun), 5_000);
  if (left.length === 0) return;
  for (const found of left) {
    try {
      process.kill(found.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  throw new Error(
    `This file left ${left.length} process(es) running (now killed):\n${formatProcesses(left)}`,
  );
});
