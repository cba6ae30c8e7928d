import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import {
  addElementThroughDialog,
  clearSimulatorLog,
  type SimulatorCreate,
  simulatorCreates,
} from "./studio-steps";

/**
 * The reference video and remix, against the built app in demo mode. The in-app simulator
 * logs each create body (SIMULATOR_CONTROL=1) and fetches the video URL it is given.
 */
const clip = path.resolve("test-results/fixtures/clip-4s-720p.mp4");

test.beforeAll(() => {
  // A real 4 s 1280×720 24 fps H.264 MP4 with sound, made here rather than committed.
  if (existsSync(clip) && statSync(clip).size > 0) return;
  mkdirSync(path.dirname(clip), { recursive: true });
  const ffmpeg = createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg").path as string;
  const made = spawnSync(
    ffmpeg,
    [
      ...["-y", "-loglevel", "error"],
      ...["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=24:duration=4"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:duration=4"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
      ...["-c:a", "aac", "-shortest", "-movflags", "+faststart", clip],
    ],
    { encoding: "utf8" },
  );
  if (made.status !== 0) throw new Error(`ffmpeg failed: ${made.stderr}`);
});

const chipNames = (page: Page) =>
  page
    .getByRole("textbox", { name: "Prompt" })
    .getByRole("img")
    .evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")));

async function lastCreate(page: Page): Promise<SimulatorCreate> {
  const last = (await simulatorCreates(page.request)).at(-1);
  if (!last) throw new Error("the simulator received no create");
  return last;
}

test("a video to edit (refer_type base) goes as the served URL, without aspect_ratio, and the duration follows it", async ({
  page,
  request,
}) => {
  await clearSimulatorLog(request);
  await page.goto("/");
  const box = page.getByRole("textbox", { name: "Prompt" });
  await expect(box).toBeVisible();

  await page.getByTestId("video-input").setInputFiles(clip);
  await expect(
    page.getByRole("img", { name: /^Video reference: clip-4s-720p\.mp4/ }),
  ).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  const tray = page.getByRole("list", { name: "Video" });
  await expect(tray.getByText("4 s · 1280×720 · 24 fps")).toBeVisible();
  // The tray card shows the clip's first frame, decoded from the uploaded video itself.
  const preview = tray.getByTestId("video-preview");
  await expect(preview).toHaveAttribute("src", /^\/api\/media\/.+#t=0\.1$/);
  await expect
    .poll(() => preview.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.videoWidth))
    .toBe(1280);

  await page.getByLabel("Use of Video").selectOption("base");
  await page.getByLabel("Keep original sound").check();
  const duration = page.getByLabel("Duration");
  await expect(duration).toBeDisabled();
  await expect(duration.locator("option")).toHaveText(["Follows the video (4 s)"]);
  await expect(page.getByText("Editing a video keeps its length.")).toBeVisible();
  await expect(page.getByLabel("Aspect ratio")).toBeDisabled();
  await expect(page.getByLabel("Aspect ratio").locator("option")).toHaveText([
    "From the video being edited",
  ]);
  await page.screenshot({ path: "test-results/composer-video-base.png", fullPage: true });

  await box.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" with snow falling");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Generation started.")).toBeAttached();

  const body = await lastCreate(page);
  expect(body).toEqual({
    model_name: "kling-video-o1",
    prompt: "<<<video_1>>> with snow falling",
    mode: "std",
    duration: "4",
    video_list: [
      {
        video_url: expect.stringMatching(
          /^http:\/\/127\.0\.0\.1:\d+\/api\/provider-media\/uploads\/up_[0-9a-z]+\.mp4\?expires=\d+&sig=[\w-]{43}$/,
        ),
        refer_type: "base",
        keep_original_sound: "yes",
      },
    ],
    callback_url: expect.stringMatching(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/callbacks\/kling\/[0-9a-z]+$/,
    ),
    external_task_id: expect.stringMatching(/^gen_[0-9a-z]+$/),
  });
  expect(body).not.toHaveProperty("aspect_ratio");
  // The URL really serves the uploaded file (the simulator fetched it the same way).
  const videoList = body.video_list as { video_url: string }[];
  // The signed link, path and query: the provider fetches it without a session.
  const link = new URL(videoList[0]?.video_url ?? "");
  const served = await request.get(`${link.pathname}${link.search}`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("video/mp4");
  expect((await served.body()).length).toBe(statSync(clip).size);
});

test("remix: the composer refills with the same chips, references and settings, and the new generation records its parent", async ({
  page,
  request,
}) => {
  await clearSimulatorLog(request);
  await page.goto("/");
  const box = page.getByRole("textbox", { name: "Prompt" });
  await expect(box).toBeVisible();

  await addElementThroughDialog(page, "Fox", "555000111");
  await page
    .getByTestId("image-input")
    .setInputFiles([
      path.resolve("tests/fixtures/ref-blue.png"),
      path.resolve("tests/fixtures/ref-orange.jpg"),
    ]);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await box.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" running through a field");
  await page
    .getByRole("combobox", { name: "Start frame image" })
    .selectOption({ label: "Image 1" });
  await page.getByLabel("Mode", { exact: true }).selectOption("pro");
  await page.getByLabel("Duration").selectOption("10");
  const chips = await chipNames(page);
  expect(chips).toEqual([
    "Element Fox reference",
    "Image 1 reference: ref-blue.png, start frame",
    "Image 2 reference: ref-orange.jpg",
  ]);
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Generation started.")).toBeAttached();
  const original = await lastCreate(page);
  expect(original).toMatchObject({ mode: "pro", duration: "10" });
  expect(original).not.toHaveProperty("aspect_ratio");

  await page.goto(`/?remix=${original.external_task_id}`);
  await expect(page.getByRole("heading", { name: "Remix" })).toBeVisible();
  await expect(box).toBeVisible();
  await expect.poll(() => chipNames(page)).toEqual(chips);
  await expect(page.getByRole("list", { name: "Images" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Elements" }).getByRole("listitem")).toHaveCount(1);
  await expect(
    page.getByRole("combobox", { name: "Start frame image" }).locator("option:checked"),
  ).toHaveText("Image 1");
  await expect(
    page.getByRole("combobox", { name: "End frame image" }).locator("option:checked"),
  ).toHaveText("None");
  await expect(page.getByLabel("Mode", { exact: true })).toHaveValue("pro");
  await expect(page.getByLabel("Duration")).toHaveValue("10");
  await page.screenshot({ path: "test-results/composer-remix.png", fullPage: true });

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Generation started.")).toBeAttached();
  const remix = await lastCreate(page);
  expect(remix.external_task_id).not.toBe(original.external_task_id);
  // Each generation has its own id and its own callback link; everything else is the same.
  const recipe = (body: Record<string, unknown>) => ({
    ...body,
    external_task_id: "",
    callback_url: "",
  });
  expect(remix.callback_url).not.toBe(original.callback_url);
  expect(recipe(remix)).toEqual(recipe(original));
  const status = await (await request.get(`/api/generations/${remix.external_task_id}`)).json();
  expect(status).toMatchObject({
    id: remix.external_task_id,
    parentId: original.external_task_id,
    parentKind: "remix",
  });
});
