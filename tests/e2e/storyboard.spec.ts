import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { clearSimulatorLog, simulatorCreates } from "./studio-steps";

/**
 * Kling 3.0 Omni in a real browser: model choice, a three-shot storyboard with images
 * dropped into different shots, sound, and what the provider (the in-app simulator,
 * SIMULATOR_CONTROL=1) receives; then the stored MP4 is probed with ffprobe.
 */
const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures", name));

/** Drops a file at the end of the text in this editor, as a person dragging it there would. */
async function dropAtEnd(editor: Locator, name: string, type: string) {
  const base64 = fixture(name).toString("base64");
  await editor.evaluate(
    (el, { name, type, base64 }) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      const rects = range.getClientRects();
      const rect = rects[rects.length - 1] ?? el.getBoundingClientRect();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      for (const kind of ["dragenter", "dragover", "drop"]) {
        el.dispatchEvent(
          new DragEvent(kind, {
            dataTransfer: dt,
            clientX: rect.right - 1,
            clientY: rect.top + rect.height / 2,
            bubbles: true,
            cancelable: true,
          }),
        );
      }
    },
    { name, type, base64 },
  );
}

async function typeInto(page: Page, editor: Locator, text: string) {
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

/** Debian's ffprobe (the e2e server uses the system ffmpeg too); FFPROBE_PATH to choose another. */
const FFPROBE = process.env.FFPROBE_PATH ?? "ffprobe";

function ffprobe(file: string): { duration: number; audioStreams: number } {
  const out = JSON.parse(
    execFileSync(
      FFPROBE,
      ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file],
      {
        encoding: "utf8",
      },
    ),
  ) as { format: { duration: string }; streams: { codec_type: string }[] };
  return {
    duration: Number(out.format.duration),
    audioStreams: out.streams.filter((s) => s.codec_type === "audio").length,
  };
}

test("a three-shot storyboard with sound on Kling 3.0 Omni reaches the provider and comes back 10 s with audio", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await clearSimulatorLog(request);
  await page.goto("/");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeVisible();

  await page.getByRole("combobox", { name: "Model" }).selectOption({ label: "Kling 3.0 Omni" });
  await page.getByRole("switch", { name: "Storyboard" }).click();
  await expect(page.getByRole("combobox", { name: "Shot planning" })).toHaveValue("customize");
  // The main prompt gives way to the shots.
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeHidden();

  const shot1 = page.getByRole("textbox", { name: "Shot 1" });
  await typeInto(page, shot1, "A fox wakes by ");
  await dropAtEnd(shot1, "ref-blue.png", "image/png");
  await expect(shot1.getByRole("img", { name: "Image 1 reference: ref-blue.png" })).toBeVisible();
  await page.getByRole("spinbutton", { name: "Shot 1 duration" }).fill("4");
  await expect(page.getByRole("combobox", { name: "Duration" })).toHaveValue("4");

  await page.getByRole("button", { name: "Add shot" }).click();
  await page.getByRole("button", { name: "Add shot" }).click();
  const shot2 = page.getByRole("textbox", { name: "Shot 2" });
  const shot3 = page.getByRole("textbox", { name: "Shot 3" });
  await typeInto(page, shot2, "Rain on the window");
  await typeInto(page, shot3, "then ");
  await dropAtEnd(shot3, "ref-orange.jpg", "image/jpeg");
  await expect(shot3.getByRole("img", { name: "Image 2 reference: ref-orange.jpg" })).toBeVisible();
  await expect(page.getByRole("spinbutton", { name: "Shot 2 duration" })).toHaveValue("3");
  await expect(page.getByRole("spinbutton", { name: "Shot 3 duration" })).toHaveValue("3");
  await expect(page.getByText("Total 10 s of 10 s")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Duration" })).toHaveValue("10");

  const sound = page.getByRole("switch", { name: "Sound" });
  await sound.click();
  await expect(sound).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await page.screenshot({ path: "test-results/storyboard-three-shots.png", fullPage: true });
  const axe = await new AxeBuilder({ page })
    .include('section[aria-labelledby="shots-title"]')
    .include("#model")
    .include("#sound")
    .include("#storyboard")
    .include("#shot-planning")
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => v.id),
  ).toEqual([]);

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Generation started.")).toBeAttached();
  const creates = await simulatorCreates(request);
  expect(creates).toHaveLength(1);
  const body = creates[0];
  expect(body).toEqual({
    model_name: "kling-v3-omni",
    mode: "std",
    aspect_ratio: "16:9",
    duration: "10",
    sound: "on",
    multi_shot: true,
    shot_type: "customize",
    multi_prompt: [
      { index: 1, prompt: "A fox wakes by <<<image_1>>>", duration: "4" },
      { index: 2, prompt: "Rain on the window", duration: "3" },
      { index: 3, prompt: "then <<<image_2>>>", duration: "3" },
    ],
    image_list: [
      { image_url: fixture("ref-blue.png").toString("base64") },
      { image_url: fixture("ref-orange.jpg").toString("base64") },
    ],
    callback_url: expect.stringMatching(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/callbacks\/kling\/[0-9a-z]+$/,
    ),
    external_task_id: expect.stringMatching(/^gen_[0-9a-z]+$/),
  });
  const shots = body?.multi_prompt as { duration: string }[];
  expect(String(shots.reduce((sum, s) => sum + Number(s.duration), 0))).toBe(body?.duration);

  // Like the prompt, the storyboard stays after Generate; "New video" clears it, Undo restores it.
  await expect(shot1).toContainText("A fox wakes by");
  await expect(page.getByRole("textbox", { name: "Shot 3" })).toContainText("then");
  await page.getByRole("button", { name: "New video" }).click();
  await expect(page.getByRole("textbox", { name: "Shot 1" })).toHaveCount(0);
  await expect(page.getByRole("switch", { name: "Storyboard" })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("textbox", { name: "Shot 1" })).toContainText("A fox wakes by");
  await expect(page.getByRole("spinbutton", { name: "Shot 3 duration" })).toHaveValue("3");

  const card = page.locator(`[data-generation-id="${body?.external_task_id}"]`);
  await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "succeeded", {
    timeout: 120_000,
  });
  await expect(card.locator("[data-model]")).toHaveText("Kling 3.0 Omni");
  await expect(card.locator("[data-sound]")).toContainText("With sound");
  await card.getByRole("link", { name: "Open generation details" }).click();
  const storyboard = page.getByRole("region", { name: /Storyboard/ });
  await expect(storyboard.getByRole("listitem")).toHaveCount(3);
  // The shots take the prompt's place: no empty "Prompt" section above them.
  await expect(page.getByRole("heading", { name: "Prompt", exact: true })).toHaveCount(0);
  await expect(storyboard.getByRole("listitem", { name: "Shot 1" })).toContainText("4 s");
  // Chips show the reference's stable name (main's Reference.label), not the file name.
  await expect(storyboard.getByRole("listitem", { name: "Shot 3" })).toContainText("Image 2");
  // The shots are the prompt here: "Copy prompt" copies them all, chips named as on screen.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await storyboard.getByRole("button", { name: "Copy prompt" }).click();
  await expect(storyboard.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "Shot 1: A fox wakes by [Image 1]\nShot 2: Rain on the window\nShot 3: then [Image 2]",
  );
  await expect(page.locator("[data-model]").first()).toHaveText("Kling 3.0 Omni");
  await expect(page.locator("[data-sound]").first()).toContainText("With sound");

  const src = await page.getByLabel("Generated video").getAttribute("src");
  const dir = mkdtempSync(path.join(tmpdir(), "omni-e2e-v3-"));
  try {
    const file = path.join(dir, "stored.mp4");
    writeFileSync(file, await (await page.request.get(src ?? "")).body());
    const probe = ffprobe(file);
    expect(Math.abs(probe.duration - 10)).toBeLessThanOrEqual(0.3);
    expect(probe.audioStreams).toBe(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.screenshot({ path: "test-results/storyboard-detail.png", fullPage: true });
});

test("switching models keeps what is valid, says what changed, and O1 gets no v3 field", async ({
  page,
  request,
}) => {
  await clearSimulatorLog(request);
  await page.goto("/");
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await expect(prompt).toBeVisible();
  await typeInto(page, prompt, "A lighthouse keeper sings");
  const model = page.getByRole("combobox", { name: "Model" });
  const duration = page.getByRole("combobox", { name: "Duration" });
  const sound = page.getByRole("switch", { name: "Sound" });
  await expect(sound).toBeDisabled();

  await model.selectOption({ label: "Kling 3.0 Omni" });
  await duration.selectOption("12");
  await sound.click();
  // Shots move by keyboard: the second shot's text becomes the first.
  await page.getByRole("switch", { name: "Storyboard" }).click();
  await page.getByRole("button", { name: "Add shot" }).click();
  await typeInto(page, page.getByRole("textbox", { name: "Shot 2" }), "Second");
  await page.getByRole("button", { name: "Move shot 2 earlier" }).click();
  await expect(page.getByRole("textbox", { name: "Shot 1" })).toHaveText("Second");
  await page.getByRole("button", { name: "Remove shot 2" }).click();
  await expect(page.getByRole("textbox", { name: "Shot 2" })).toHaveCount(0);
  await expect(duration).toHaveValue("3");
  // A duration chosen in the select is taken up by the last shot.
  await duration.selectOption("12");
  await expect(page.getByRole("spinbutton", { name: "Shot 1 duration" })).toHaveValue("12");

  await model.selectOption({ label: "Kling O1" });
  await expect(page.getByRole("status").filter({ hasText: "Storyboard turned off" })).toContainText(
    "Sound turned off: Kling O1 makes no sound. Duration changed from 12 s to 10 s",
  );
  await expect(duration).toHaveValue("10");
  await expect(sound).toHaveAttribute("aria-checked", "false");
  await expect(sound).toBeDisabled();
  await expect(page.getByRole("switch", { name: "Storyboard" })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await expect(prompt).toBeVisible();

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Generation started.")).toBeAttached();
  const [body] = await simulatorCreates(request);
  expect(body).toMatchObject({
    model_name: "kling-video-o1",
    prompt: "A lighthouse keeper sings",
    duration: "10",
  });
  for (const key of ["sound", "multi_shot", "shot_type", "multi_prompt"]) {
    expect(body).not.toHaveProperty(key);
  }
});

test("attaching a video turns Sound off and disables it, with the reason beside it", async ({
  page,
}) => {
  // A short H.264 clip, made here rather than committed (as composer-video.spec.ts does).
  const clip = path.resolve("test-results/fixtures/clip-3s-720p.mp4");
  mkdirSync(path.dirname(clip), { recursive: true });
  execFileSync(createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg").path as string, [
    ...[
      "-y",
      "-loglevel",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=1280x720:rate=24:duration=3",
    ],
    ...[
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-pix_fmt",
      "yuv420p",
      "-movflags",
      "+faststart",
    ],
    clip,
  ]);
  await page.goto("/");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeVisible();
  await page.getByRole("combobox", { name: "Model" }).selectOption({ label: "Kling 3.0 Omni" });
  const sound = page.getByRole("switch", { name: "Sound" });
  await sound.click();
  await expect(sound).toHaveAttribute("aria-checked", "true");

  await page.getByTestId("video-input").setInputFiles(clip);
  await expect(
    page.getByRole("img", { name: /^Video reference: clip-3s-720p\.mp4/ }),
  ).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await page.screenshot({ path: "test-results/storyboard-video-sound.png", fullPage: true });
  await expect(sound).toBeDisabled();
  await expect(sound).toHaveAttribute("aria-checked", "false");
  await expect(sound).toHaveAccessibleDescription(
    "Sound is off while a reference video is attached: Kling 3.0 Omni cannot add sound to a video reference.",
  );
});

test("a shot takes chips like the prompt (picker, @) and shots move by mouse", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeVisible();
  await page.getByRole("combobox", { name: "Model" }).selectOption({ label: "Kling 3.0 Omni" });
  await page.getByRole("switch", { name: "Storyboard" }).click();
  const shot1 = page.getByRole("textbox", { name: "Shot 1" });
  await typeInto(page, shot1, "A fox ");
  // The add bar's picker puts the chip into the shot last worked in.
  await page.getByTestId("image-input").setInputFiles(path.resolve("tests/fixtures/ref-blue.png"));
  await expect(shot1.getByRole("img", { name: "Image 1 reference: ref-blue.png" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  await page.getByRole("button", { name: "Add shot" }).click();
  const shot2 = page.getByRole("textbox", { name: "Shot 2" });
  await typeInto(page, shot2, "Rain on @Ima");
  const listbox = page.getByRole("listbox", { name: "References and elements" });
  await expect(listbox.getByRole("option", { name: /Image 1/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(shot2.getByRole("img", { name: "Image 1 reference: ref-blue.png" })).toBeVisible();
  await expect(shot2).toContainText("Rain on");

  // Dragging shot 2 by its handle onto shot 1 puts it first.
  const handle = (n: number) =>
    page.getByRole("listitem", { name: `Shot ${n}` }).locator('[title="Drag to move this shot"]');
  await handle(2).dragTo(page.getByRole("listitem", { name: "Shot 1" }));
  await expect(page.getByRole("textbox", { name: "Shot 1" })).toContainText("Rain on");
  await expect(page.getByRole("textbox", { name: "Shot 2" })).toContainText("A fox");
});

/** Pastes as a person would: text, files, or both, at the caret of the focused editor. */
async function pasteInto(editor: Locator, paste: { text?: string; file?: [string, string] }) {
  const file = paste.file && {
    name: paste.file[0],
    type: paste.file[1],
    base64: fixture(paste.file[0]).toString("base64"),
  };
  await editor.evaluate(
    (el, { text, file }) => {
      const dt = new DataTransfer();
      if (text !== undefined) dt.setData("text/plain", text);
      if (file) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], file.name, { type: file.type }));
      }
      el.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    },
    { text: paste.text, file },
  );
}

test("pasting into a shot works like the prompt: an image lands as a chip, tokens become chips", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeVisible();
  await page.getByRole("combobox", { name: "Model" }).selectOption({ label: "Kling 3.0 Omni" });
  await page.getByRole("switch", { name: "Storyboard" }).click();
  const shot1 = page.getByRole("textbox", { name: "Shot 1" });
  await typeInto(page, shot1, "A fox by ");
  await pasteInto(shot1, { file: ["ref-blue.png", "image/png"] });
  const blue = "Image 1 reference: ref-blue.png";
  await expect(shot1.getByRole("img", { name: blue })).toBeVisible();
  await expect(page.getByRole("list", { name: "Images" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  await page.getByRole("button", { name: "Add shot" }).click();
  const shot2 = page.getByRole("textbox", { name: "Shot 2" });
  await typeInto(page, shot2, "Rain");
  await pasteInto(shot2, { text: " again <<<image_1>>> and <<<image_7>>>" });
  await expect(shot2.getByRole("img", { name: blue })).toBeVisible();
  await expect(shot2).toContainText("Rain again");
  await expect(
    page.getByText("<<<image_7>>>, which no reference stands for", { exact: false }).first(),
  ).toBeVisible();
  // Still one image in the tray: the pasted token points at the one already there.
  await expect(page.getByRole("list", { name: "Images" }).getByRole("listitem")).toHaveCount(1);
  await expect(shot1.getByRole("img", { name: blue })).toBeVisible();
});
