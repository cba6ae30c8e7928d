import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import ffmpeg from "@ffmpeg-installer/ffmpeg";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";

// The same folder playwright.config.ts gives the server (DATABASE_URL and MEDIA_DIR).
const dataDir = path.resolve("test-results/e2e-data");
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** A finished generation with a real H.264 file and poster, written straight to disk and DB. */
function seedFinishedGeneration(id: string, prompt: string) {
  const media = path.join(dataDir, "media");
  mkdirSync(path.join(media, "results"), { recursive: true });
  mkdirSync(path.join(media, "posters"), { recursive: true });
  const video = path.join(media, "results", `${id}.mp4`);
  execFileSync(ffmpeg.path, [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "testsrc2=size=640x360:rate=24",
    "-t",
    "3",
    "-pix_fmt",
    "yuv420p",
    "-c:v",
    "libx264",
    "-movflags",
    "+faststart",
    video,
  ]);
  execFileSync(ffmpeg.path, [
    "-v",
    "error",
    "-y",
    "-ss",
    "1",
    "-i",
    video,
    "-frames:v",
    "1",
    path.join(media, "posters", `${id}.jpg`),
  ]);
  const db = new Database(path.join(dataDir, "e2e.db"));
  const now = Date.now();
  db.prepare(
    `INSERT INTO "Generation" (id, createdAt, updatedAt, prompt, mode, aspectRatio, duration, status, submittedAt, startedAt, finishedAt, videoPath, posterPath, width, height, durationSeconds, estimatedCostUsd, providerTaskId)
     VALUES (?, ?, ?, ?, 'std', '16:9', '5', 'succeeded', ?, ?, ?, ?, ?, 640, 360, 3, 0.42, ?)`,
  ).run(
    id,
    iso(now),
    iso(now),
    prompt,
    iso(now),
    iso(now + 1000),
    iso(now + 60_000),
    `results/${id}.mp4`,
    `posters/${id}.jpg`,
    `task-${id}`,
  );
  db.close();
}

test("a share link plays without cookies, has absolute previews, and is 404 after revoke", async ({
  page,
  browser,
  baseURL,
}) => {
  const id = `gen_e2eshare${Date.now()}`;
  seedFinishedGeneration(id, "A paper boat on a pond <<<image_1>>> at dusk");

  await page.goto(`/generations/${id}`);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this video" });
  await dialog.getByLabel("Show the recipe (prompt and references)").check();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const linkInput = dialog.getByRole("textbox").first();
  await expect(linkInput).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/s\/[0-9a-z]{32}$/);
  const shareUrl = await linkInput.inputValue();

  // A stranger: a fresh context with no cookies at all.
  const stranger = await browser.newContext();
  const guest = await stranger.newPage();
  const response = await guest.goto(shareUrl);
  expect(response?.status()).toBe(200);
  await expect(guest.getByRole("link", { name: "Make your own" })).toHaveAttribute("href", "/");
  const video = guest.getByLabel("Shared video");
  const played = await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return { time: element.currentTime, duration: element.duration };
  });
  expect(played.duration).toBeGreaterThan(2.5);
  expect(played.time).toBeGreaterThan(0.3);

  const meta = async (key: string) =>
    guest.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute("content");
  const origin = new URL(baseURL ?? shareUrl).origin;
  // The token reads as its reference's name, as on the chip: no raw <<<image_1>>>.
  expect(await meta("og:title")).toBe("A paper boat on a pond Image 1 at dusk");
  expect(await meta("og:description")).toBeTruthy();
  expect(await meta("og:url")).toBe(shareUrl.replace(new URL(shareUrl).origin, origin));
  const ogImage = await meta("og:image");
  expect(ogImage).toMatch(new RegExp(`^${origin}/api/share-media/[0-9a-z]{32}/poster$`));
  expect(await meta("og:image:width")).toBe("640");
  const ogVideo = await meta("og:video");
  expect(ogVideo).toMatch(new RegExp(`^${origin}/api/share-media/[0-9a-z]{32}/video$`));
  expect(await meta("og:video:type")).toBe("video/mp4");
  expect(await meta("og:video:height")).toBe("360");
  expect(await meta("twitter:card")).toBe("player");
  expect(await meta("twitter:player")).toMatch(/^http:\/\//);
  expect(await meta("robots")).toContain("noindex");
  const poster = await guest.request.get(ogImage ?? "");
  expect(poster.status()).toBe(200);
  expect(poster.headers()["content-type"]).toBe("image/jpeg");

  // Revoke in the studio (confirmed in its own dialog): page and media answer 404 for the stranger.
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await page
    .getByRole("dialog", { name: "Revoke this link?" })
    .getByRole("button", { name: "Revoke link" })
    .click();
  await expect(dialog.getByRole("list", { name: "Live links" })).toHaveCount(0);
  const after = await guest.goto(shareUrl);
  expect(after?.status()).toBe(404);
  expect((await guest.request.get(ogVideo ?? "")).status()).toBe(404);
  await stranger.close();
});
