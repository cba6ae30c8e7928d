import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { clearSimulatorLog, simulatorCreates } from "./studio-steps";

/**
 * The composer's flow as people iterate: Generate keeps everything, "New video" clears with
 * Undo, bad files never become chips, Cmd/Ctrl+Enter generates, Ctrl+Z after "Add images"
 * takes back only the chips, and a remix asks before replacing an unsent draft. Run at a
 * desktop and at a phone size.
 */
const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

const fixture = (name: string) => path.resolve("tests/fixtures", name);
const promptText = (page: Page) =>
  page.getByRole("textbox", { name: "Prompt" }).evaluate((el) => el.textContent ?? "");
const chips = (page: Page) => page.getByRole("textbox", { name: "Prompt" }).getByRole("img");

async function freshComposer(page: Page) {
  await page.goto("/");
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  const box = page.getByRole("textbox", { name: "Prompt" });
  await expect(box).toBeVisible();
  return box;
}

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport });

    test(`bad images are refused at pick time with one message each and no chip (${size.name})`, async ({
      page,
    }) => {
      const box = await freshComposer(page);
      await box.click();
      await page.keyboard.type("A fox");
      await page
        .getByTestId("image-input")
        .setInputFiles([fixture("ref-too-small.png"), fixture("ref-too-wide.png")]);
      const alert = page.getByRole("alert").filter({ hasText: "Not added" });
      await expect(alert.getByText(/"ref-too-small\.png" is 200×200 px/)).toBeVisible();
      await expect(alert.getByText(/"ref-too-wide\.png" is 3000×800 px, too wide/)).toBeVisible();
      await expect(alert.locator("p")).toHaveCount(2);
      await expect(page.getByText("too tall")).toHaveCount(0);
      await expect(page.getByText(/not finished uploading/)).toHaveCount(0);
      await expect(chips(page)).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^Remove Image/ })).toHaveCount(0);
      await page.screenshot({
        path: `test-results/screens/composer-refused-${size.name}.png`,
        fullPage: true,
      });

      // A good file next to a bad one: only the good one enters, the message names the bad.
      await page
        .getByTestId("image-input")
        .setInputFiles([fixture("ref-blue.png"), fixture("ref-too-small.png")]);
      await expect(chips(page)).toHaveCount(1);
      await expect(alert.locator("p")).toHaveCount(1);
      await expect(alert).toContainText("ref-too-small.png");
      expect(await promptText(page)).toContain("A fox");
    });

    test(`Generate keeps the prompt; New video clears it and Undo brings it back (${size.name})`, async ({
      page,
      request,
    }) => {
      await clearSimulatorLog(request);
      const box = await freshComposer(page);
      await box.click();
      await page.keyboard.type("A heron at dawn ");
      await page.getByTestId("image-input").setInputFiles([fixture("ref-blue.png")]);
      await expect(chips(page)).toHaveCount(1);
      await expect(page.getByRole("progressbar")).toHaveCount(0);
      await page.getByLabel("Duration").selectOption("10");

      await page.getByRole("button", { name: "Generate" }).click();
      await expect(page.getByText("Generation started.")).toBeAttached();
      await expect.poll(async () => (await simulatorCreates(request)).length).toBe(1);
      // Everything stays for the next try.
      expect(await promptText(page)).toContain("A heron at dawn");
      await expect(chips(page)).toHaveCount(1);
      await expect(page.getByLabel("Duration")).toHaveValue("10");
      await page.screenshot({
        path: `test-results/screens/composer-after-generate-${size.name}.png`,
        fullPage: true,
      });

      await page.getByRole("button", { name: "New video" }).click();
      await expect.poll(() => promptText(page)).toBe("");
      await expect(chips(page)).toHaveCount(0);
      await expect(page.getByLabel("Duration")).toHaveValue("5");
      const undo = page.getByRole("button", { name: "Undo" });
      await expect(undo).toBeFocused();
      await undo.click();
      await expect.poll(() => promptText(page)).toContain("A heron at dawn");
      await expect(chips(page)).toHaveCount(1);
      await expect(page.getByLabel("Duration")).toHaveValue("10");
      await expect(undo).toHaveCount(0);
    });
  });
}

test("Ctrl+Enter generates; Ctrl+Z after Add images removes only the chip", async ({
  page,
  request,
}) => {
  await clearSimulatorLog(request);
  const box = await freshComposer(page);
  await box.click();
  await page.keyboard.type("A kite over dunes");
  await page.getByTestId("image-input").setInputFiles([fixture("ref-blue.png")]);
  await expect(chips(page)).toHaveCount(1);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await box.focus();
  await page.keyboard.press("Control+z");
  await expect(chips(page)).toHaveCount(0);
  expect(await promptText(page)).toBe("A kite over dunes");

  await page.keyboard.press("Control+Enter");
  await expect(page.getByText("Generation started.")).toBeAttached();
  await expect.poll(async () => (await simulatorCreates(request)).length).toBe(1);
  const creates = await simulatorCreates(request);
  expect(creates).toHaveLength(1);
  expect(creates[0]?.prompt).toBe("A kite over dunes");
  // No new line slipped into the prompt.
  expect(await promptText(page)).toBe("A kite over dunes");
});

test("a remix asks before replacing an unsent draft, and can be left", async ({
  page,
  request,
}) => {
  await clearSimulatorLog(request);
  const box = await freshComposer(page);
  await box.click();
  await page.keyboard.type("Original idea");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Generation started.")).toBeAttached();
  await expect.poll(async () => (await simulatorCreates(request)).length).toBe(1);
  const [created] = await simulatorCreates(request);
  // The detail page's Remix link goes exactly here.
  const href = `/?remix=${created?.external_task_id}`;

  // An unsent draft that differs from the recipe.
  await page.getByRole("button", { name: "New video" }).click();
  await box.click();
  await page.keyboard.type("My unsent draft");
  // Saved a moment after typing (the draft follows every change).
  await expect
    .poll(() => page.evaluate(() => JSON.stringify(Object.values(window.localStorage))))
    .toContain("My unsent draft");

  await page.goto(href);
  const dialog = page.getByRole("dialog", { name: "Replace your draft?" });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: "test-results/screens/composer-remix-ask.png" });
  await dialog.getByRole("button", { name: "Keep my draft" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => promptText(page)).toBe("My unsent draft");

  await page.goto(href);
  await dialog.getByRole("button", { name: "Replace draft" }).click();
  await expect.poll(() => promptText(page)).toBe("Original idea");
  await expect(page.getByRole("heading", { name: "Remix" })).toBeVisible();
  // Leaving the remix: New video empties the composer and drops ?remix=.
  await page.getByRole("button", { name: "New video" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "New video" })).toBeVisible();
  await expect.poll(() => promptText(page)).toBe("");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the tray has two columns and Generate with its cost stays in reach", async ({ page }) => {
    const box = await freshComposer(page);
    await box.click();
    await page.keyboard.type("Two kites");
    await page
      .getByTestId("image-input")
      .setInputFiles([fixture("ref-blue.png"), fixture("ref-orange.jpg")]);
    const cards = page.getByRole("list", { name: "Images" }).getByRole("listitem");
    await expect(cards).toHaveCount(2);
    const [first, second] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
    expect(first && second && Math.abs(first.y - second.y) < 1).toBe(true);
    expect(first && second && second.x > first.x + first.width - 1).toBe(true);

    // Scrolled to the top of a form taller than the screen, Generate is still on screen.
    await page.evaluate(() => window.scrollTo(0, 0));
    const generate = page.getByRole("button", { name: "Generate" });
    const bar = await generate.boundingBox();
    expect(bar && bar.y + bar.height <= 844).toBe(true);
    await expect(page.getByText(/Estimated cost \$/)).toBeInViewport();
    await page.screenshot({ path: "test-results/screens/composer-phone-tray.png" });
  });
});

test("a file dropped beside the prompt is caught; over the prompt the drop target lights up", async ({
  page,
}) => {
  const box = await freshComposer(page);
  const url = page.url();
  const outcome = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File([new Uint8Array([137, 80, 78, 71])], "near-miss.png", { type: "image/png" }),
    );
    const heading = document.querySelector("h1") as HTMLElement;
    const over = new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true });
    heading.dispatchEvent(over);
    const drop = new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true });
    heading.dispatchEvent(drop);
    const editor = document.querySelector('[contenteditable="true"]') as HTMLElement;
    editor.dispatchEvent(
      new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
    const lit = editor.hasAttribute("data-drop-target");
    editor.dispatchEvent(new DragEvent("dragleave", { dataTransfer: dt, bubbles: true }));
    return {
      caught: over.defaultPrevented && drop.defaultPrevented,
      lit,
      afterLeave: editor.hasAttribute("data-drop-target"),
    };
  });
  expect(outcome).toEqual({ caught: true, lit: true, afterLeave: false });
  expect(page.url()).toBe(url);
  await expect(chips(page)).toHaveCount(0);
  await expect(box).toBeVisible();
});

test("an image dropped on Start frame becomes the start frame; a tray card dropped on End frame the end frame", async ({
  page,
}) => {
  const box = await freshComposer(page);
  await box.click();
  await page.keyboard.type("From dawn to dusk");
  await page.getByTestId("image-input").setInputFiles([fixture("ref-orange.jpg")]);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  const base64 = readFileSync(fixture("ref-blue.png")).toString("base64");
  await page.getByRole("group", { name: "Start frame" }).evaluate((slot, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], "dawn.png", { type: "image/png" }));
    for (const kind of ["dragenter", "dragover", "drop"]) {
      slot.dispatchEvent(
        new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }
  }, base64);
  const start = page.getByRole("combobox", { name: "Start frame image" });
  await expect(start.locator("option:checked")).toHaveText("Image 2");
  await expect(page.getByRole("listitem", { name: "Image 2" })).toContainText("Start frame");

  // The orange card (Image 1) dragged from the tray onto End frame (one DataTransfer from
  // dragstart to drop, as a browser's drag carries it).
  const card = page.getByRole("listitem", { name: "Image 1" });
  const slot = await page.getByRole("group", { name: "End frame" }).elementHandle();
  await card.evaluate((from, to) => {
    const dt = new DataTransfer();
    const fire = (el: Element, kind: string) =>
      el.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    fire(from, "dragstart");
    fire(to as Element, "dragenter");
    fire(to as Element, "dragover");
    fire(to as Element, "drop");
    fire(from, "dragend");
  }, slot);
  const end = page.getByRole("combobox", { name: "End frame image" });
  await expect(end.locator("option:checked")).toHaveText("Image 1");
  await expect(start.locator("option:checked")).toHaveText("Image 2");
  await page.screenshot({ path: "test-results/screens/composer-frame-slots.png", fullPage: true });
});
