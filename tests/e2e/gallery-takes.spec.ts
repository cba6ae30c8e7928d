import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { seedGenerations } from "./seed-gallery";

/**
 * Issue 14 in a real browser: three takes of one recipe (one batch) are compared side by side
 * under one control, the best goes into a new collection, a word from the middle of its
 * prompt finds it again, and the collection filters the gallery.
 */
test("compare takes in sync, keep the best in a collection, find it by a middle word", async ({
  page,
}) => {
  const marker = `t${Date.now().toString(36)}`;
  const words = ["owl", "heron", "crane"];
  const base = Date.now() - 600_000;
  seedGenerations(
    words.map((word, index) => ({
      id: `gen_take${marker}${index + 1}`,
      prompt: `Take ${index + 1} of ${marker}: a ${word}${marker} glides over the harbor at dawn`,
      createdAt: base + index * 1000,
    })),
  );
  // One batch: the takes share a batchId, as the create path writes it.
  const db = new Database(path.resolve("test-results/e2e-data/e2e.db"));
  db.prepare(`UPDATE "Generation" SET "batchId" = ? WHERE "id" LIKE ?`).run(
    `bat_${marker}`,
    `gen_take${marker}%`,
  );
  db.close();

  await page.goto(`/gallery?q=${marker}`);
  const cards = page.locator("article[data-generation-id]");
  await expect(cards).toHaveCount(3);
  for (const card of await cards.all()) {
    await card.hover();
    await card.getByRole("checkbox", { name: /^Select / }).check();
  }
  const toolbar = page.getByRole("toolbar", { name: "Selection" });
  await toolbar.getByRole("button", { name: "Compare" }).click();

  const dialog = page.getByRole("dialog", { name: "Compare 3 takes" });
  await expect(dialog).toBeVisible();
  const videos = dialog.locator("video[data-compare-video]");
  await expect(videos).toHaveCount(3);
  const times = () =>
    videos.evaluateAll((nodes) => (nodes as HTMLVideoElement[]).map((video) => video.currentTime));
  const paused = () =>
    videos.evaluateAll((nodes) => (nodes as HTMLVideoElement[]).map((video) => video.paused));

  // One control plays all three, from the keyboard.
  const play = dialog.getByRole("button", { name: "Play all" });
  await play.focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("button", { name: "Pause all" })).toBeVisible();
  await expect.poll(async () => Math.min(...(await times()))).toBeGreaterThan(0.5);
  await dialog.getByRole("button", { name: "Pause all" }).click();
  await expect.poll(paused).toEqual([true, true, true]);
  const stopped = await times();
  expect(Math.max(...stopped) - Math.min(...stopped)).toBeLessThan(0.3);

  // One slider seeks all three.
  await dialog.getByRole("slider", { name: "Seek all" }).fill("1.5");
  await expect
    .poll(async () => (await times()).map((t) => Math.round(t * 10) / 10))
    .toEqual([1.5, 1.5, 1.5]);

  // Favorite the winner (take 2) from the compare view.
  const winner = dialog.getByRole("figure", { name: "Take 2" });
  await winner.getByRole("button", { name: "Favorite" }).click();
  await expect(winner.getByRole("button", { name: "Favorite" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The winner alone into a new collection, from the selection toolbar.
  await toolbar.getByRole("button", { name: "Clear selection" }).click();
  const best = cards.filter({ hasText: `heron${marker}` });
  await best.hover();
  await best.getByRole("checkbox", { name: /^Select / }).check();
  const collectionName = `Best of ${marker}`;
  await toolbar.getByRole("textbox", { name: "New collection name" }).fill(collectionName);
  await toolbar.getByRole("button", { name: "New collection" }).click();
  await expect(toolbar.getByRole("status")).toHaveText("Made a collection of 1.");

  // A word from the middle of its prompt finds it again, highlighted.
  await page.goto("/gallery");
  const search = page.getByRole("searchbox", { name: "Search prompts" });
  await search.fill(`heron${marker}`);
  await expect(page).toHaveURL(new RegExp(`q=heron${marker}`));
  await expect(cards).toHaveCount(1);
  await expect(cards.first().locator("mark")).toHaveText(`heron${marker}`);

  // The collection filters the gallery, by its link and in the URL.
  await page.goto("/gallery");
  await page
    .getByRole("region", { name: "Collections" })
    .getByRole("link", { name: new RegExp(collectionName) })
    .click();
  await expect(page).toHaveURL(/collection=col_/);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(`heron${marker}`);
  await expect(
    page.getByRole("link", { name: `Remove filter: Collection: ${collectionName}` }),
  ).toBeVisible();

  // "New collection" in the bar opens a labelled field, focused; Escape closes it.
  const newCollection = page.getByRole("button", { name: "New collection" });
  await newCollection.click();
  const nameBox = page.getByRole("textbox", { name: "Collection name" });
  await expect(nameBox).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(nameBox).toBeHidden();
  await newCollection.click();
  await nameBox.fill(`Empty ${marker}`);
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("region", { name: "Collections" }).getByRole("link", { name: /^Empty / }),
  ).toBeVisible();

  // A take's detail page knows its batch and compares the whole batch.
  await page.goto(`/generations/gen_take${marker}2`);
  const batch = page.getByRole("region", { name: "Batch" });
  await expect(batch).toContainText("Take 2 of 3");
  await batch.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("dialog", { name: "Compare 3 takes" })).toBeVisible();
  await expect(
    page.getByRole("figure", { name: "Take 2" }).getByRole("button", { name: "Favorite" }),
  ).toHaveAttribute("aria-pressed", "true");
});

test("Takes 3 beside Generate makes three generations in one batch, then Compare", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/");
  const prompt = `Three takes of a paper boat on a pond, e2e ${Date.now()}`;
  await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await page.getByRole("combobox", { name: "Mode", exact: true }).selectOption("std");
  await page.getByRole("combobox", { name: "Duration" }).selectOption("5");
  const cost = page.locator("#cost-estimate");
  const dollars = async () => Number(/\$([\d.]+)/.exec((await cost.textContent()) ?? "")?.[1]);
  const one = await dollars();
  expect(one).toBeGreaterThan(0);
  // The price list is named in words, not as a catalog key the page was not sent.
  await expect(cost).toContainText("at Kling list prices");

  const takes = page.getByRole("combobox", { name: "Takes" });
  await takes.selectOption("3");
  // The cost shown is for all three; the note says so and how many would wait.
  await expect.poll(dollars).toBeCloseTo(one * 3, 2);
  await expect(page.getByText("Cost for all 3 takes")).toBeVisible();
  await expect(page.getByText(/All can start now\.|will wait in the queue/)).toBeVisible();
  // Remembered in the draft.
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Takes" })).toHaveValue("3");

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 takes started." })).toBeVisible();
  const db = new Database(path.resolve("test-results/e2e-data/e2e.db"), { readonly: true });
  const rows = db
    .prepare(`SELECT "id", "batchId" FROM "Generation" WHERE "prompt" = ? ORDER BY "createdAt"`)
    .all(prompt) as { id: string; batchId: string | null }[];
  expect(rows).toHaveLength(3);
  expect(new Set(rows.map((row) => row.batchId)).size).toBe(1);
  expect(rows[0]?.batchId).toMatch(/^bat_/);

  await page.getByRole("link", { name: "Compare takes" }).click();
  await expect(page).toHaveURL(new RegExp(`/generations/${rows[0]?.id}`));
  // Compare shows finished takes: wait for all three, then read the page again.
  const finished = () =>
    (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM "Generation" WHERE "batchId" = ? AND "status" = 'succeeded'`,
        )
        .get(rows[0]?.batchId) as { n: number }
    ).n;
  await expect.poll(finished, { timeout: 120_000 }).toBe(3);
  db.close();
  await page.reload();
  const batch = page.getByRole("region", { name: "Batch" });
  await expect(batch).toContainText("Take 1 of 3");
  await batch.getByRole("button", { name: "Compare" }).click();
  const dialog = page.getByRole("dialog", { name: "Compare 3 takes" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("video[data-compare-video]")).toHaveCount(3);
});
