import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * SIGKILL the whole studio (web server, worker and in-process simulator) while a generation
 * is processing, start it again, and the generation still ends with exactly one stored video.
 */
// Beside the main e2e server: E2E_PORT + 2 when a run is given its own ports.
const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 2 : 3101;
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = path.resolve("test-results/crash-data");

function startStudio(): ChildProcess {
  // As `npm start` runs it (scripts/serve.mjs stamps each request with its real peer).
  return spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${path.join(dataDir, "crash.db")}`,
      MEDIA_DIR: path.join(dataDir, "media"),
      SIMULATOR_DATA_DIR: path.join(dataDir, "simulator"),
      SIMULATOR_SPEED: "0.5",
      WORKER_MIN_POLL_MS: "400",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("studio did not start");
}

async function viewOf(id: string): Promise<{ status: string; posterUrl: string | null }> {
  const response = await fetch(`${baseURL}/api/generations/${id}`);
  return (await response.json()) as { status: string; posterUrl: string | null };
}

async function statusOf(id: string): Promise<string> {
  return (await viewOf(id)).status;
}

test("a generation survives SIGKILL of the server mid-task", async ({ page }) => {
  test.setTimeout(120_000);
  rmSync(dataDir, { recursive: true, force: true });
  const migrate = spawn("npm", ["run", "db:migrate"], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dataDir, "crash.db")}` },
    stdio: "ignore",
  });
  await new Promise((resolve) => migrate.on("exit", resolve));

  let studio = startStudio();
  try {
    await waitForHealth();
    await page.goto(baseURL);
    await page.getByRole("textbox", { name: "Prompt" }).fill("A train crossing a bridge in fog");
    await page.getByRole("button", { name: "Generate" }).click();
    const card = page.locator("article[data-generation-id]").first();
    await expect(card).toBeVisible();
    const id = (await card.getAttribute("data-generation-id")) ?? "";

    await expect.poll(() => statusOf(id), { timeout: 30_000 }).toBe("processing");
    studio.kill("SIGKILL");
    await new Promise((resolve) => studio.once("exit", resolve));

    studio = startStudio();
    await waitForHealth();
    await expect.poll(() => statusOf(id), { timeout: 60_000, intervals: [500] }).toBe("succeeded");
    // The poster follows the stored video (lib/worker/add-poster.ts).
    await expect
      .poll(async () => (await viewOf(id)).posterUrl, { timeout: 15_000, intervals: [200] })
      .not.toBeNull();

    const results = readdirSync(path.join(dataDir, "media", "results"));
    expect(results).toEqual([`${id}.mp4`]);
    const posters = readdirSync(path.join(dataDir, "media", "posters"));
    expect(posters).toEqual([`${id}.jpg`]);
    // One create reached the simulator: the restart did not submit the task again.
    const tasks = readdirSync(path.join(dataDir, "simulator", "tasks"));
    expect(tasks).toHaveLength(1);
  } finally {
    studio.kill("SIGKILL");
  }
});
