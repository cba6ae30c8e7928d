import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createElementFromImages, libraryItem, openLibrary } from "./elements-steps";
import { ownStudio } from "./own-studio";

/**
 * SIGKILL the studio (server, worker and in-process simulator) while Kling is making an
 * element; after a restart the element still arrives, made once and stored once.
 */
const studio = ownStudio({
  port: Number(process.env.E2E_PORT ?? 3100) + 3,
  name: "elements-restart",
  // Slow elements (3 s queued, 9 s processing) so the kill lands mid-task.
  env: { SIMULATOR_SPEED: "3" },
});

// Each run (also with --repeat-each) starts from an empty studio: one element, one create.
test.afterEach(() => studio.discard());

test("a restart while an element is being created loses nothing", async ({ page }) => {
  // Two cold starts of a built studio: each took 40-50 s on a loaded 2-core machine.
  test.setTimeout(240_000);
  await studio.start();
  await page.goto(studio.baseURL);
  await createElementFromImages(page, "Hero");
  const tasks = page.getByRole("list", { name: "Elements being created" });
  // Sent: Kling has the task (the studio has its task id) but has not finished it.
  await expect(tasks).toContainText(/Queued at Kling|Kling is making the element/);

  await studio.kill();
  await studio.start();
  await page.reload();
  await openLibrary(page);
  await expect(libraryItem(page, "Hero").getByRole("img", { name: "Hero front view" })).toBeVisible(
    {
      timeout: 60_000,
    },
  );
  await expect(libraryItem(page, "Hero")).toHaveCount(1);
  // One create reached the simulator: the restart did not send it again.
  const made = readdirSync(path.join(studio.dataDir, "simulator", "elements")).filter((name) =>
    /^\d+\.json$/.test(name),
  );
  expect(made).toHaveLength(1);
});
