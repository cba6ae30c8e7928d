import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `npm start` (scripts/serve.mjs) on a port that is already taken must stop with an error.
 * Next's uncaughtException handler only logs, so without its own handler the process stayed
 * up with a sync worker and no server, and a health check reached whoever held the port.
 * It needs the production build, so it runs where `.next/BUILD_ID` exists.
 */
const built = existsSync(path.resolve(".next/BUILD_ID"));
// `npm test` runs before the build and skips this file; `test:security:build` runs it after the
// build (in `npm run test:all` and CI), where a missing build is a failure, not a skip.
if (!built && process.env.RUN_BUILD_TESTS === "1") {
  throw new Error("RUN_BUILD_TESTS=1 but there is no production build (.next/BUILD_ID)");
}
if (!built) {
  console.info(
    "serve-port-taken: skipped, no production build; `npm run test:all` runs it after one.",
  );
}
let blocker: Server;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "omni-serve-"));
  blocker = createServer((_req, res) => res.end("someone else"));
  await new Promise<void>((resolve) => blocker.listen(0, resolve));
});
afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!built)("scripts/serve.mjs", () => {
  it("exits with an error when its port is taken", async () => {
    const port = (blocker.address() as AddressInfo).port;
    const child = spawn(process.execPath, ["scripts/serve.mjs"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: `file:${path.join(dir, "studio.db")}`,
        MEDIA_DIR: path.join(dir, "media"),
        SIMULATOR_DATA_DIR: path.join(dir, "simulator"),
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      const code = await Promise.race([
        exited,
        new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 40_000)),
      ]);
      expect(code).toBe(1);
      expect(stderr).toContain(`cannot listen on port ${port}`);
    } finally {
      if (child.exitCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    }
  }, 60_000);
});
