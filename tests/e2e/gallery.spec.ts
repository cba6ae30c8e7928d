import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";

const dataDir = path.resolve("test-results/e2e-data");

/** Rows without media (enough for filters, search and paging), written straight to the DB. */
function seedRows(marker: string) {
  const db = new Database(path.join(dataDir, "e2e.db"));
  const insert = db.prepare(
    `INSERT INTO "Generation" (id, createdAt, updatedAt, prompt, mode, aspectRatio, duration, status, estimatedCostUsd)
     VALUES (?, ?, ?, ?, ?, '16:9', '5', ?, 0.42)`,
  );
  const base = Date.now() - 3600_000;
  db.transaction(() => {
    for (let i = 0; i < 30; i++) {
      const at = new Date(base + i * 1000).toISOString().replace("Z", "+00:00");
      const kind = i % 3 === 0 ? "walrus" : "heron";
      insert.run(
        `gen_e2egal${marker}${String(i).padStart(2, "0")}`,
        at,
        at,
        `A ${kind} ${marker} number ${i}`,
        i % 2 ? "pro" : "std",
        i % 5 === 0 ? "failed" : "succeeded",
      );
    }
  })();
  db.close();
}

test("search and filters round-trip through the URL, and scrolling loads the next page", async ({
  page,
}) => {
  const marker = `m${Date.now().toString(36)}`;
  seedRows(marker);
  await page.goto("/gallery");
  const cards = page.locator("article[data-generation-id]");

  const searchbox = page.getByRole("searchbox", { name: "Search prompts" });
  await searchbox.pressSequentially(marker, { delay: 40 });
  await expect(page).toHaveURL(new RegExp(`[?&]q=${marker}`));
  await expect(searchbox).toBeFocused(); // the URL update does not steal the caret
  await expect(page.getByText("30 generations match these filters.")).toBeVisible();
  await expect(cards).toHaveCount(24);
  await page.getByRole("button", { name: "Load more" }).scrollIntoViewIfNeeded();
  await expect(cards).toHaveCount(30);
  await expect(page.getByText("That is everything.")).toBeVisible();

  // Filters other than search sit behind one toggle.
  await page.locator("summary", { hasText: "Filters" }).click();
  await page.getByRole("combobox", { name: "Status" }).selectOption("failed");
  await expect(page).toHaveURL(/status=failed/);
  await expect(cards).toHaveCount(6);
  await page.getByRole("searchbox", { name: "Search prompts" }).fill(`walrus ${marker}`);
  await expect(page).toHaveURL(/q=walrus/);
  await expect(cards).toHaveCount(2); // i = 0 and 15

  // Reload and bookmark: the same view comes back from the URL alone.
  const bookmarked = page.url();
  await page.reload();
  await expect(cards).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Remove filter: Status: Failed" })).toBeVisible();
  await page.locator("summary", { hasText: "Filters" }).click();
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("failed");
  await expect(page.getByRole("searchbox", { name: "Search prompts" })).toHaveValue(
    `walrus ${marker}`,
  );
  await page.getByRole("button", { name: "Done" }).click();

  // Favorite one; the favorites filter then finds exactly it.
  const first = cards.first();
  const id = await first.getAttribute("data-generation-id");
  const star = first.getByRole("button", { name: "Favorite" });
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await page.goto(`${bookmarked}&fav=1`);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute("data-generation-id", id ?? "");
  await expect(page.getByRole("link", { name: "Remove filter: Favorites" })).toBeVisible();

  await page.goto(`/gallery?q=${marker}-nothing`);
  await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  await expect(page.getByRole("searchbox", { name: "Search prompts" })).toHaveValue("");
});

test("bulk delete removes the chosen generations", async ({ page }) => {
  const marker = `d${Date.now().toString(36)}`;
  seedRows(marker);
  await page.goto(`/gallery?q=${marker}&mode=std`);
  const cards = page.locator("article[data-generation-id]");
  await expect(cards).toHaveCount(15);
  await cards.nth(0).getByRole("checkbox").check();
  await cards.nth(1).getByRole("checkbox").check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.getByRole("button", { name: "Delete selected" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete 2 generations?" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(cards).toHaveCount(13);
  await page.reload();
  await expect(cards).toHaveCount(13);
});

test("Remix opens the composer with the same chips as the detail page", async ({ page }) => {
  const id = `gen_e2eremix${Date.now().toString(36)}`;
  const db = new Database(path.join(dataDir, "e2e.db"));
  const at = new Date().toISOString().replace("Z", "+00:00");
  db.prepare(
    `INSERT INTO "Generation" (id, createdAt, updatedAt, prompt, mode, aspectRatio, duration, status)
     VALUES (?, ?, ?, 'A fox <<<image_1>>> meets <<<element_1>>> by the sea', 'pro', '16:9', '5', 'failed')`,
  ).run(id, at, at);
  const insertRef = db.prepare(
    `INSERT INTO "Reference" (id, generationId, kind, position, name, elementId, elementName, sourceUrl, mimeType)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  insertRef.run(
    `ref_${id}_i`,
    id,
    "image",
    "fox.png",
    null,
    null,
    "https://example.com/fox.png",
    "image/png",
  );
  insertRef.run(`ref_${id}_e`, id, "element", null, "7301234567890123456", "Harbor", null, null);
  db.close();

  await page.goto(`/generations/${id}`);
  await expect(page.locator("[data-chip]")).toHaveCount(2);
  // A reference is named by its place ("Image 1"), as in the composer; the file name is beneath.
  await expect(page.locator('[data-chip="image_1"]')).toContainText("Image 1");
  await expect(page.getByRole("region", { name: "References" })).toContainText("fox.png");
  await expect(page.locator('[data-chip="element_1"]')).toContainText("Harbor");

  await page.getByRole("link", { name: "Remix" }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?remix=${id}$`));
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await expect(prompt).toContainText("A fox");
  await expect(prompt.locator("[data-chip-ref]")).toHaveCount(2);
  const refs = await prompt
    .locator("[data-chip-ref]")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-chip-ref")));
  expect(refs).toEqual([`ref_${id}_i`, `ref_${id}_e`]);
});
