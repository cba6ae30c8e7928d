import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { createElementFromImages, libraryItem, openLibrary } from "./elements-steps";
import { clearSimulatorLog } from "./studio-steps";

const fixture = (name: string) => path.resolve("tests/fixtures", name);

/**
 * Issue 12 in a real browser, demo mode: an element made from images at the (simulated)
 * provider, then used by `@` in a generation, whose create body carries its 64-bit id.
 */
test("create Hero from images, then generate with @Hero", async ({ page, request }) => {
  await clearSimulatorLog(request);
  await page.goto("/");
  const dialog = await createElementFromImages(page, "Hero");
  await expect(dialog).toBeHidden();

  // Progress while Kling (the simulator) makes it, then the library row with its front view.
  await expect(page.getByRole("list", { name: "Elements being created" })).toContainText("Hero");
  const hero = libraryItem(page, "Hero");
  await expect(hero.getByRole("img", { name: "Hero front view" })).toBeVisible();
  await expect(hero).toContainText("Character");
  const elementId = (await hero.getAttribute("data-element-id")) ?? "";
  expect(BigInt(elementId)).toBeGreaterThan(2n ** 53n);

  const box = page.getByRole("textbox", { name: "Prompt" });
  await box.click();
  await page.keyboard.type("@Her");
  const listbox = page.getByRole("listbox", { name: "References and elements" });
  await listbox.getByRole("option", { name: /Hero/ }).click();
  const chip = page.getByRole("img", { name: /Element Hero reference/ });
  await expect(chip).toBeVisible();
  // The chip shows the element's front view.
  await expect(chip.locator("img")).toHaveAttribute("src", /\/api\/media\//);
  await page.keyboard.type(" waves at the camera");

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Generation started.")).toBeAttached();
  const log = await (await request.get("/api/simulator/__sim/requests")).json();
  const bodies = log.createBodies as string[];
  expect(bodies).toHaveLength(1);
  // Every digit, as a bare JSON integer (a JS number would have rounded it).
  expect(bodies[0]).toContain(`"element_list":[{"element_id":${elementId}}]`);
  expect(JSON.parse(bodies[0] ?? "{}").prompt).toBe("<<<element_1>>> waves at the camera");
});

test("an element dragged from the library lands in the prompt as its chip", async ({ page }) => {
  await page.goto("/");
  await openLibrary(page);
  const box = page.getByRole("textbox", { name: "Prompt" });
  await libraryItem(page, "Hero").dragTo(box);
  await expect(page.getByRole("img", { name: /Element Hero reference/ })).toBeVisible();
});

test("the library finds elements by name", async ({ page }) => {
  await page.goto("/");
  await openLibrary(page);
  const search = page.getByRole("searchbox", { name: "Search elements" });
  await search.fill("her");
  await expect(libraryItem(page, "Hero")).toBeVisible();
  await search.fill("dragon");
  await expect(libraryItem(page, "Hero")).toHaveCount(0);
  await expect(page.getByText("No element is named like “dragon”.")).toBeVisible();
});

test("Kling's presets import once, and a failed element shows Kling's reason", async ({ page }) => {
  await page.goto("/");
  await openLibrary(page);
  await page.getByRole("button", { name: "Import Kling presets" }).click();
  await expect(page.getByText(/Imported 3 Kling presets\./)).toBeVisible();
  await expect(libraryItem(page, "Corgi")).toContainText("Animal");
  // The simulator's presets come with no picture (its list answer has an empty
  // frontal_image): a labelled placeholder, not an empty box.
  await expect(
    libraryItem(page, "Corgi").getByRole("img", { name: "Corgi: Kling sent no picture" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Import Kling presets" }).click();
  await expect(
    page.getByText(/Imported 0 Kling presets; 3 already in the library\./),
  ).toBeVisible();

  await createElementFromImages(page, "Ghost [fail]");
  await expect(page.getByRole("list", { name: "Elements being created" })).toContainText(
    "Could not be created: The front view shows no clear subject",
  );
});

test("deleting asks first, and 'Delete at Kling' removes it there too", async ({
  page,
  request,
}) => {
  await clearSimulatorLog(request);
  await page.goto("/");
  await openLibrary(page);
  await page.getByRole("button", { name: "Delete element Hero" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete element Hero?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(libraryItem(page, "Hero")).toBeVisible();
  await page.getByRole("button", { name: "Delete element Hero" }).click();
  const elementId = (await libraryItem(page, "Hero").getAttribute("data-element-id")) ?? "";
  await confirm.getByRole("button", { name: "Delete at Kling" }).click();
  await expect(libraryItem(page, "Hero")).toHaveCount(0);
  expect(await elementDeletes(request)).toEqual([`{"element_id":${elementId}}`]);
  // Importing the account's elements no longer brings it back.
  await page.getByRole("button", { name: "Import my elements" }).click();
  await expect(page.getByText(/Imported 0 of your elements/)).toBeVisible();
});

test("'Remove from library' asks Kling nothing: the element stays there and imports again", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await createElementFromImages(page, "Sidekick");
  const sidekick = libraryItem(page, "Sidekick");
  await expect(sidekick.getByRole("img", { name: "Sidekick front view" })).toBeVisible();
  const elementId = (await sidekick.getAttribute("data-element-id")) ?? "";
  await openLibrary(page);
  await clearSimulatorLog(request);

  await page.getByRole("button", { name: "Delete element Sidekick" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete element Sidekick?" });
  await confirm.getByRole("button", { name: "Remove from library" }).click();
  await expect(confirm).toBeHidden();
  await expect(libraryItem(page, "Sidekick")).toHaveCount(0);
  expect(await elementDeletes(request)).toEqual([]);
  // Kling still has it: importing the account's elements brings it back, same id.
  await page.getByRole("button", { name: "Import my elements" }).click();
  await expect(page.getByText(/Imported 1 of your elements/)).toBeVisible();
  await expect(libraryItem(page, "Sidekick")).toHaveAttribute("data-element-id", elementId);
});

test("the dialog refuses what Kling would: a long name, a badly shaped view, four other views", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Add element" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a Kling element" });
  await dialog.getByRole("tab", { name: "Create from images" }).click();
  const name = dialog.getByLabel("Element name");
  await name.fill("N".repeat(21));
  await expect(name).toHaveValue("N".repeat(20));
  await dialog.getByLabel("Description").fill("A view too wide");
  await dialog.getByLabel("Front view").setInputFiles(fixture("ref-too-wide.png"));
  // The upload itself is refused (the studio's upload route applies the reference rules).
  await expect(
    dialog.getByText("(3000×800); the ratio must be between 1:2.5 and 2.5:1", { exact: false }),
  ).toBeVisible();
  const sides = ["ref-orange.jpg", "ref-blue.png", "ref-orange.jpg", "ref-blue.png"];
  await dialog.getByLabel("Other views").setInputFiles(
    sides.map((file, i) => ({
      name: `side-${i + 1}${path.extname(file)}`,
      mimeType: file.endsWith(".png") ? "image/png" : "image/jpeg",
      buffer: readFileSync(fixture(file)),
    })),
  );
  await expect(dialog.getByRole("progressbar")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Create element" }).click();
  await expect(dialog.getByText("Add at most 3 other views (Kling's limit).")).toBeVisible();
  await expect(dialog.getByText("The element needs fixing before it is created.")).toBeVisible();
  await expect(dialog.getByText("Add a usable front view.")).toBeVisible();
  // Nothing was sent: the dialog stays, and no element is being made.
  await expect(dialog).toBeVisible();
  await expect(page.getByRole("list", { name: "Elements being created" })).toHaveCount(0);
});

/** The delete-elements bodies the (simulated) provider received since the log was cleared. */
async function elementDeletes(request: APIRequestContext): Promise<string[]> {
  const log = await (await request.get("/api/simulator/__sim/requests")).json();
  return log.elementDeletes as string[];
}
