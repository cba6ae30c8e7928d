import path from "node:path";
import { expect, type FileChooser, type Locator, type Page, test } from "@playwright/test";
import { addElementThroughDialog, clearSimulatorLog, simulatorCreates } from "./studio-steps";

/** The composer with the keyboard alone: every step names where focus is after it. */

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

const chipNames = (page: Page) =>
  page
    .getByRole("textbox", { name: "Prompt" })
    .getByRole("img")
    .evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")));

test("add images by the file picker, @-mention, reorder, first frame, remove and Generate with the keyboard", async ({
  page,
  request,
}) => {
  await clearSimulatorLog(request);
  // Listening early turns Playwright's file-chooser interception on before it is needed.
  const choosers: FileChooser[] = [];
  page.on("filechooser", (chooser) => choosers.push(chooser));
  await page.goto("/");
  const box = page.getByRole("textbox", { name: "Prompt" });
  await expect(box).toBeVisible();
  await box.focus();
  await page.keyboard.type("A dog");

  const addImages = page.getByRole("button", { name: "Add images" });
  await tabTo(page, addImages);
  await page.keyboard.press("Enter");
  await expect.poll(() => choosers.length).toBe(1);
  await choosers[0]?.setFiles([
    path.resolve("tests/fixtures/ref-blue.png"),
    path.resolve("tests/fixtures/ref-orange.jpg"),
  ]);
  await expect(page.getByRole("img", { name: "Image 2 reference: ref-orange.jpg" })).toBeVisible();
  await expect(addImages).toBeFocused(); // the button that added them keeps focus
  await expect(
    page.getByRole("status").filter({ hasText: "Images added to the prompt." }),
  ).toBeAttached();
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  await tabTo(page, box, { back: true });
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" then @");
  const listbox = page.getByRole("listbox", { name: "References and elements" });
  await expect(listbox.getByRole("option")).toHaveCount(2);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(box).toBeFocused();
  expect(await chipNames(page)).toEqual([
    "Image 1 reference: ref-blue.png",
    "Image 2 reference: ref-orange.jpg",
    "Image 2 reference: ref-orange.jpg",
  ]);

  // Reorder in the tray: the moved item's other arrow takes focus; every name stays.
  await tabTo(page, page.getByRole("button", { name: "Move Image 2 left" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Move Image 2 right" })).toBeFocused();
  expect(await chipNames(page)).toEqual([
    "Image 1 reference: ref-blue.png",
    "Image 2 reference: ref-orange.jpg",
    "Image 2 reference: ref-orange.jpg",
  ]);

  // Make the (now first) orange image the start frame, from the Start frame slot's list.
  const frame = page.getByRole("combobox", { name: "Start frame image" });
  await tabTo(page, frame, { back: true });
  await page.keyboard.press("ArrowDown");
  await expect(frame.locator("option:checked")).toHaveText("Image 2");
  await expect(frame).toBeFocused();

  // Remove the blue image: focus lands on the remaining image's Remove button.
  await tabTo(page, page.getByRole("button", { name: "Remove Image 1" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Remove Image 2" })).toBeFocused();
  expect(await chipNames(page)).toEqual([
    "Image 2 reference: ref-orange.jpg, start frame",
    "Image 2 reference: ref-orange.jpg, start frame",
  ]);
  await page.screenshot({ path: "test-results/composer-keyboard.png", fullPage: true });

  await tabTo(page, page.getByRole("button", { name: "Generate" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Generation started.")).toBeAttached();
  const last = (await simulatorCreates(request)).at(-1);
  expect(last).toMatchObject({
    prompt: "A dog<<<image_1>>> then <<<image_1>>>",
    duration: "5",
    image_list: [{ type: "first_frame" }],
  });
  expect(last).not.toHaveProperty("aspect_ratio");
});

test("edit an element in the library with the keyboard: rename, describe, and its chip follows", async ({
  page,
}) => {
  await page.goto("/");
  const box = page.getByRole("textbox", { name: "Prompt" });
  await expect(box).toBeVisible();
  await addElementThroughDialog(page, "Owl", "777000222");
  await expect(page.getByRole("img", { name: "Element Owl reference" })).toBeVisible();

  const summary = page.getByText(/^Element library \(\d+\)$/);
  await tabTo(page, summary);
  await page.keyboard.press("Enter");
  const edit = page.getByRole("button", { name: "Edit element Owl" });
  await tabTo(page, edit);
  await page.keyboard.press("Enter");
  const group = page.getByRole("group", { name: "Edit element Owl" });
  const name = group.getByLabel("Name");
  await expect(name).toBeFocused();

  // Escape cancels and gives focus back to "Edit".
  await page.keyboard.press("Escape");
  await expect(group).toHaveCount(0);
  await expect(edit).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(name).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Snowy owl");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(group.getByLabel("Description")).toBeFocused();
  await page.keyboard.type("White, yellow eyes");
  await page.screenshot({ path: "test-results/composer-element-edit.png", fullPage: true });
  // Enter saves the element, not the composer's form.
  await page.keyboard.press("Enter");
  const renamed = page.getByRole("button", { name: "Edit element Snowy owl" });
  await expect(renamed).toBeFocused();
  await expect(page.getByRole("list", { name: "Element library" })).toContainText(
    "White, yellow eyes",
  );
  await expect(page.getByRole("img", { name: "Element Snowy owl reference" })).toBeVisible();
  await expect(page.getByText("Generation started.")).toHaveCount(0);

  // A refused edit explains itself beside the field and keeps the form open.
  await page.keyboard.press("Enter");
  const group2 = page.getByRole("group", { name: "Edit element Snowy owl" });
  await group2.getByLabel("Element id").fill("12x");
  await group2.getByLabel("Element id").press("Enter");
  // The field's own message (the form's alert repeats it since actions name a lone problem).
  await expect(group2.locator('[id$="-elementId-error"]')).toContainText(
    /whole number Kling gave the element/,
  );
  await expect(group2.getByLabel("Element id")).toHaveAttribute("aria-invalid", "true");

  // Still saved after a reload (the library comes from the database).
  await page.reload();
  await page.getByText(/^Element library \(\d+\)$/).click();
  await expect(page.getByRole("list", { name: "Element library" })).toContainText("Snowy owl");
});
