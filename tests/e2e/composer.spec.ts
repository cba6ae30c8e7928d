import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { addElementThroughDialog, clearSimulatorLog, simulatorCreates } from "./studio-steps";

/**
 * The composer against the built app in demo mode: the in-app simulator logs every create
 * body (SIMULATOR_CONTROL=1), so the exact JSON the provider would get can be asserted.
 */
const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures", name));

async function dropFile(page: Page, at: { x: number; y: number }, name: string, type: string) {
  const base64 = fixture(name).toString("base64");
  await page.evaluate(
    ({ x, y, name, type, base64 }) => {
      const el = document.querySelector('[contenteditable="true"]') as HTMLElement;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      for (const kind of ["dragenter", "dragover", "drop"]) {
        el.dispatchEvent(
          new DragEvent(kind, {
            dataTransfer: dt,
            clientX: x,
            clientY: y,
            bubbles: true,
            cancelable: true,
          }),
        );
      }
    },
    { ...at, name, type, base64 },
  );
}

/** Screen point of a character offset inside the first text node containing `text`. */
async function pointAt(page: Page, text: string, offset: number) {
  return page.evaluate(
    ({ text, offset }) => {
      const el = document.querySelector('[contenteditable="true"]') as HTMLElement;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent?.indexOf(text) ?? -1;
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i + offset);
          r.setEnd(n, i + offset);
          const rect = r.getBoundingClientRect();
          return { x: rect.left + 1, y: rect.top + rect.height / 2 };
        }
      }
      throw new Error(`text not found: ${text}`);
    },
    { text, offset },
  );
}

const promptText = (page: Page) =>
  page.getByRole("textbox", { name: "Prompt" }).evaluate((el) => el.textContent ?? "");

test("drop two images, reorder, remove one, add an element by @, and the provider gets the exact body", async ({
  page,
  request,
}) => {
  await clearSimulatorLog(request);
  await page.goto("/");
  const box = page.getByRole("textbox", { name: "Prompt" });
  await expect(box).toBeVisible();

  // A library element, added through the dialog; its chip is removed so @ can add it back.
  await addElementThroughDialog(page, "Cat", "123456789");
  await page.getByRole("button", { name: "Remove Element 1 (Cat)" }).click();

  await box.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("first second third");
  await dropFile(page, await pointAt(page, "second", 0), "ref-blue.png", "image/png");
  await expect(page.getByRole("img", { name: "Image 1 reference: ref-blue.png" })).toBeVisible();
  const end = await pointAt(page, "third", 5);
  await dropFile(page, { x: end.x - 2, y: end.y }, "ref-orange.jpg", "image/jpeg");
  await expect(page.getByRole("img", { name: "Image 2 reference: ref-orange.jpg" })).toBeVisible();
  // Uploads finish: the progress bars go away.
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await page.screenshot({ path: "test-results/composer-two-images.png", fullPage: true });

  // Keyboard reorder in the tray keeps every name; only what is sent is renumbered.
  await page.getByRole("button", { name: "Move Image 2 left" }).click();
  await expect(page.getByRole("button", { name: "Move Image 2 right" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Image 2 reference: ref-orange.jpg" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Image 1 reference: ref-blue.png" })).toBeVisible();
  await page.getByRole("button", { name: "Remove Image 1" }).click();
  await expect(page.getByRole("img", { name: /reference: ref-blue.png/ })).toHaveCount(0);

  await box.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" with @Ca");
  const listbox = page.getByRole("listbox", { name: "References and elements" });
  await expect(listbox.getByRole("option", { name: /Cat/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("img", { name: /Element Cat reference/ })).toBeVisible();
  await expect(box).toBeFocused();

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Generation started.")).toBeAttached();
  const creates = await simulatorCreates(request);
  expect(creates).toHaveLength(1);
  expect(creates[0]).toEqual({
    model_name: "kling-video-o1",
    prompt: "first second third<<<image_1>>> with <<<element_1>>>",
    mode: "std",
    aspect_ratio: "16:9",
    duration: "5",
    image_list: [{ image_url: fixture("ref-orange.jpg").toString("base64") }],
    element_list: [{ element_id: 123456789 }],
    callback_url: expect.stringMatching(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/callbacks\/kling\/[0-9a-z]+$/,
    ),
    external_task_id: expect.stringMatching(/^gen_[0-9a-z]+$/),
  });
  // Kept after a successful submit: people iterate on one idea ("New video" clears).
  // The orange image is sent as image_1 but keeps its name in the composer.
  expect(await promptText(page)).toBe("first second thirdImage 2 with Cat");
});

test("pasted tokens become chips, unknown ones are flagged, and the draft survives a reload", async ({
  page,
}) => {
  await page.goto("/");
  const box = page.getByRole("textbox", { name: "Prompt" });
  await expect(box).toBeVisible();
  await page.getByTestId("image-input").setInputFiles(path.resolve("tests/fixtures/ref-blue.png"));
  await expect(page.getByRole("img", { name: "Image 1 reference: ref-blue.png" })).toHaveCount(1);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await box.click();
  await page.keyboard.press("Control+End");
  await box.evaluate((el) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", " again <<<image_1>>> and <<<image_7>>>");
    el.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByRole("img", { name: "Image 1 reference: ref-blue.png" })).toHaveCount(2);
  await expect(
    page.getByText("<<<image_7>>>, which no reference stands for", { exact: false }).first(),
  ).toBeVisible();

  await page.waitForTimeout(400); // the draft is saved a moment after the last change
  await page.reload();
  await expect(page.getByRole("img", { name: "Image 1 reference: ref-blue.png" })).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Images" }).getByRole("listitem")).toHaveCount(1);
  await page.screenshot({ path: "test-results/composer-draft-restored.png", fullPage: true });
});
