import { expect, test } from "@playwright/test";
import { removeElement, seedElement, seedGenerations, seedReference } from "./seed-gallery";

/**
 * The detail page's words and actions at 1440×900: plain names for settings and reference
 * roles, element thumbnails, Copy prompt, a download named from the prompt, the studio's
 * own confirmation dialog for Delete, "Edit & retry" where Retry would fail again, and the
 * themed 404s.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const tag = `d${Date.now().toString(36)}`;
// The server is shared by every spec; the composer's count the elements its @-menu offers.
test.afterAll(() => removeElement(`el_e2e${tag}`));

test("plain words, thumbnails, Copy prompt, a named download, a styled Delete, a themed 404", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const id = `gen_e2edetail${tag}`;
  const elementId = `73${Date.now()}`.slice(0, 18);
  seedGenerations([
    {
      id,
      prompt: "A fox <<<image_1>>> meets <<<element_1>>> in the style of <<<video_1>>>",
      aspect: "16:9",
      createdAt: Date.now(),
    },
  ]);
  seedElement({ id: `el_e2e${tag}`, name: "Harbor", elementId });
  seedReference({
    id: `ref_${tag}i`,
    generationId: id,
    kind: "image",
    position: 0,
    name: "fox.png",
    imageType: "first_frame",
    pictureOf: "1:1",
  });
  seedReference({
    id: `ref_${tag}e`,
    generationId: id,
    kind: "element",
    position: 0,
    elementId,
    elementName: "Harbor",
  });
  seedReference({
    id: `ref_${tag}v`,
    generationId: id,
    kind: "video",
    position: 0,
    name: "clip.mp4",
    referType: "feature",
  });

  await page.goto(`/generations/${id}`);
  const settings = page.getByRole("region", { name: "Settings" });
  await expect(settings).toContainText("Standard (720p)");
  await expect(settings).toContainText("$0.42");
  await expect(settings).not.toContainText("std");
  const references = page.getByRole("region", { name: "References" });
  await expect(references).toContainText("Start frame");
  await expect(references).toContainText("Style reference");
  await expect(references).not.toContainText(/first.frame|feature/);
  // Each reference by the name the composer gave it, the file name beneath.
  await expect(references).toContainText("Image 1");
  await expect(references).toContainText("fox.png");
  await expect(page.locator('[data-chip="image_1"]')).toContainText("Image 1");
  // The element shows its registered thumbnail, in the list and on its chip.
  await expect(references.getByRole("img", { name: "Harbor" })).toBeVisible();
  await expect(page.locator('[data-chip="element_1"] img')).toHaveCount(1);
  await page.screenshot({ path: "test-results/screens/detail-desktop.png", fullPage: true });

  await page.getByRole("button", { name: "Copy prompt" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "A fox [Image 1] meets [Harbor] in the style of [Video]",
  );
  await expect(page.getByRole("link", { name: "Download" })).toHaveAttribute(
    "download",
    `a-fox-meets-in-the-style-of-${id}.mp4`,
  );

  // Delete asks in a styled, labelled dialog; Cancel keeps everything and returns focus.
  const remove = page.getByRole("button", { name: "Delete" });
  await remove.click();
  const confirm = page.getByRole("dialog", { name: "Delete this generation?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.screenshot({ path: "test-results/screens/detail-delete-dialog.png" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(remove).toBeFocused();
  await remove.click();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/gallery$/);

  const gone = await page.goto(`/generations/${id}`);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This generation is not here" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the gallery" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/detail-404.png" });
  const nowhere = await page.goto("/no-such-page");
  expect(nowhere?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("a content-policy failure offers Edit & retry and no cost; a passing outage offers Retry", async ({
  page,
}) => {
  const tag = `f${Date.now().toString(36)}`;
  seedGenerations([
    {
      id: `gen_e2epolicy${tag}`,
      prompt: `A storm ${tag}`,
      status: "failed",
      errorCode: "provider_failed",
      errorMessage: "Failure to pass the risk control system",
      createdAt: Date.now(),
    },
    {
      id: `gen_e2eoutage${tag}`,
      prompt: `A calm sea ${tag}`,
      status: "failed",
      errorCode: "provider_unavailable",
      errorMessage: "CometAPI is unavailable right now (HTTP 503); try again later.",
      createdAt: Date.now() - 1000,
    },
  ]);
  await page.goto(`/generations/gen_e2epolicy${tag}`);
  await expect(page.getByRole("link", { name: "Edit & retry" })).toHaveAttribute(
    "href",
    `/?remix=gen_e2epolicy${tag}`,
  );
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Settings" })).not.toContainText("$");
  await expect(page.getByRole("region", { name: "Settings" })).not.toContainText("cost");
  await page.screenshot({ path: "test-results/screens/detail-failed-policy.png" });

  await page.goto(`/generations/gen_e2eoutage${tag}`);
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit & retry" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Remix" })).toBeVisible();
});
