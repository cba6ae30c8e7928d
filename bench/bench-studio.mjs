// What the browser benchmarks share: a throw-away demo-mode studio from the production build,
// Debian's Chromium with the flags these machines need, and keystroke latency sampling.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { endProcessGroup } from "./process-group.ts";

/**
 * `npm run start` on `port` with its own data folder; `stop()` ends it (resolving once it has
 * exited) and removes the folder. `prepare(env)`, when given, runs before the server starts
 * with the environment it will get (DATABASE_URL, MEDIA_DIR, …), to seed its data.
 */
export async function startBenchStudio(port, name, { prepare, env: extraEnv = {} } = {}) {
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), `omni-bench-${name}-`));
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dataDir, "bench.db")}`,
    MEDIA_DIR: path.join(dataDir, "media"),
    SIMULATOR_DATA_DIR: path.join(dataDir, "sim"),
    NEXT_TELEMETRY_DISABLED: "1",
    ...extraEnv,
  };
  try {
    await prepare?.(env);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const server = spawn("npm", ["run", "start"], { env, stdio: "ignore", detached: true });
  const stop = async () => {
    await endProcessGroup(server.pid);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${base}/api/health`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}

export function launchBenchChromium() {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) =>
    existsSync(p),
  );
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Presses `keys` real keys (nine "a" then a space, repeated) where the caret is, each sample
 * running from the keydown (a capturing listener) to the first frame painted after it;
 * returns the samples sorted and the text the keys should have typed.
 */
export async function sampleKeystrokes(page, keys) {
  await page.evaluate(() => {
    window.__samples = [];
    document.addEventListener(
      "keydown",
      () => {
        performance.mark("key");
        const t0 = performance.now();
        requestAnimationFrame(() =>
          setTimeout(() => window.__samples.push(performance.now() - t0), 0),
        );
      },
      { capture: true },
    );
  });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 10 === 9 ? "Space" : "KeyA");
    await page.waitForTimeout(30);
  }
  await page.waitForFunction((n) => window.__samples.length >= n, keys);
  const samples = (await page.evaluate(() => window.__samples)).sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const typed = Array.from({ length: keys }, (_, i) => (i % 10 === 9 ? " " : "a"))
    .join("")
    .trimEnd();
  return { samples: samples.length, median: at(0.5), p95: at(0.95), typed };
}

async function waitFor(url) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start at ${url}`);
}
