import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests drive a real Chromium against the production build in demo mode, with
 * its own SQLite file and media folder, and the simulator sped up.
 */
// E2E_PORT lets a second run (another checkout, a benchmark) use the machine at the same time.
const port = Number(process.env.E2E_PORT ?? 3100);
const e2eDataDir = path.resolve("test-results/e2e-data");
// Debian's Chromium where Playwright cannot download its own browser (these machines).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) =>
  existsSync(p),
);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results/e2e-artifacts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: `file:${path.join(e2eDataDir, "e2e.db")}`,
      MEDIA_DIR: path.join(e2eDataDir, "media"),
      SIMULATOR_DATA_DIR: path.join(e2eDataDir, "simulator"),
      E2E_DATA_DIR: e2eDataDir,
      SIMULATOR_SPEED: "0.25",
      SIMULATOR_CONTROL: "1",
      WORKER_MIN_POLL_MS: "500",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
