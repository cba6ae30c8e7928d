import { expect, type Page, test } from "@playwright/test";
import { type Aspect, seedGenerations } from "./seed-gallery";

/**
 * The gallery at 1440×900 as a person meets it: a grid that fills the screen with mixed
 * 16:9 / 9:16 / 1:1 results, a silent preview on hover, filters folded away with the active
 * ones as chips, the selection toolbar only with a selection, and Back from a detail page
 * landing where it left off. Screenshots go to test-results/screens.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const ASPECTS: Aspect[] = ["16:9", "9:16", "1:1"];
const marker = () => `m${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function cardBoxes(page: Page) {
  return page.locator("article[data-generation-id]").evaluateAll((cards) =>
    cards.map((card) => {
      const box = card.getBoundingClientRect();
      return { x: Math.round(box.x), y: Math.round(box.y), height: box.height };
    }),
  );
}

test("a screen-filling grid of equal tiles, a silent preview on hover, plain statuses and costs", async ({
  page,
}) => {
  const tag = marker();
  const now = Date.now();
  seedGenerations([
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `gen_e2egrid${tag}${i}`,
      prompt: `A ${ASPECTS[i % 3]} lighthouse ${tag} number ${i}`,
      aspect: ASPECTS[i % 3],
      createdAt: now - i * 1000,
    })),
    {
      id: `gen_e2egrid${tag}f`,
      prompt: `A refused storm ${tag}`,
      status: "failed" as const,
      createdAt: now - 20_000,
    },
  ]);
  await page.goto(`/gallery?q=${tag}`);
  const cards = page.locator("article[data-generation-id]");
  await expect(cards).toHaveCount(11);
  await page.screenshot({ path: "test-results/screens/gallery-desktop-1440.png" });

  const boxes = await cardBoxes(page);
  const firstRow = boxes.filter((box) => box.y === boxes[0]?.y);
  expect(firstRow.length).toBeGreaterThanOrEqual(4);
  const heights = boxes.map((box) => box.height);
  expect(Math.max(...heights)).toBeLessThanOrEqual(2 * Math.min(...heights));
  // The grid uses the width: its rightmost card ends near the viewport's right edge.
  const right = await cards
    .nth(firstRow.length - 1)
    .evaluate((c) => c.getBoundingClientRect().right);
  expect(right).toBeGreaterThan(1440 - 64);

  // Words people use; a failed run costs nothing and shows no cost; one money format.
  const failed = page.locator(`article[data-generation-id="gen_e2egrid${tag}f"]`);
  await expect(failed).toContainText("Failed");
  await expect(failed).not.toContainText("$");
  await expect(cards.first()).toContainText("Done");
  await expect(cards.first()).toContainText("$0.42");
  await expect(cards.first()).toContainText("Standard (720p)");

  // Hovering a 9:16 card plays its video, muted, in place of the poster.
  const portrait = page.locator(`article[data-generation-id="gen_e2egrid${tag}1"]`);
  await portrait.hover();
  const preview = portrait.locator("video[data-preview]");
  await expect(preview).toHaveCount(1);
  await expect
    .poll(() => preview.evaluate((v: HTMLVideoElement) => v.muted && v.currentTime > 0.2), {
      timeout: 10_000,
    })
    .toBe(true);
  await page.screenshot({ path: "test-results/screens/gallery-desktop-hover.png" });
  await page.mouse.move(5, 5);
  await expect(preview).toHaveCount(0);

  // No toolbar until something is selected.
  await expect(page.getByRole("toolbar", { name: "Selection" })).toHaveCount(0);
  await cards.nth(2).hover();
  await cards.nth(2).getByRole("checkbox").check();
  await expect(page.getByRole("toolbar", { name: "Selection" })).toContainText("1 selected");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("toolbar", { name: "Selection" })).toHaveCount(0);

  // Filters sit behind one toggle; a filter in force shows as a chip that removes it.
  const status = page.getByRole("combobox", { name: "Status" });
  await expect(status).toBeHidden();
  await page.locator("summary", { hasText: "Filters" }).click();
  await page.screenshot({ path: "test-results/screens/gallery-desktop-filters-open.png" });
  await status.selectOption("failed");
  await expect(page).toHaveURL(/status=failed/);
  await expect(cards).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(status).toBeHidden();
  const chip = page.getByRole("link", { name: "Remove filter: Status: Failed" });
  await expect(chip).toBeVisible();
  await page.screenshot({ path: "test-results/screens/gallery-desktop-chips.png" });
  await chip.click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(cards).toHaveCount(11);
});

test("a stored result whose poster is still being made shows the video's own frame", async ({
  page,
}) => {
  const tag = marker();
  const id = `gen_e2enoposter${tag}`;
  seedGenerations([
    { id, prompt: `A kite without a poster ${tag}`, poster: false, createdAt: Date.now() },
    { id: `${id}f`, prompt: `A failed kite ${tag}`, status: "failed", createdAt: Date.now() - 1 },
  ]);
  await page.goto(`/gallery?q=${tag}`);
  const card = page.locator(`article[data-generation-id="${id}"]`);
  const standIn = card.locator("video[data-poster-stand-in]");
  await expect(standIn).toHaveAttribute("src", new RegExp(`/${id}\\.mp4#t=1$`));
  // A picture, not a label: the frame 1 s in is decoded and drawn.
  await expect
    .poll(() => standIn.evaluate((video: HTMLVideoElement) => video.readyState), {
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(2);
  expect(await standIn.evaluate((video: HTMLVideoElement) => video.videoWidth)).toBe(640);
  await expect(card.locator("img")).toHaveCount(0);
  // A result that never got a video still says so in words.
  await expect(
    page.locator(`article[data-generation-id="${id}f"]`).getByText("No video"),
  ).toBeVisible();
});

test("Back from a detail page returns to the same scroll position with the same pages", async ({
  page,
}) => {
  const tag = marker();
  const now = Date.now();
  seedGenerations(
    Array.from({ length: 60 }, (_, i) => ({
      id: `gen_e2eback${tag}${String(i).padStart(2, "0")}`,
      prompt: `A heron ${tag} number ${i}`,
      media: false,
      createdAt: now - i * 1000,
    })),
  );
  await page.goto(`/gallery?q=${tag}`);
  const cards = page.locator("article[data-generation-id]");
  await expect(cards).toHaveCount(24);
  // Scroll until all three pages are in.
  for (let i = 0; i < 10 && (await cards.count()) < 60; i++) {
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(300);
  }
  await expect(cards).toHaveCount(60);
  const target = page.locator(`article[data-generation-id="gen_e2eback${tag}50"]`);
  await target.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, -120);
  // The click below must not need to scroll, or the position it leaves would differ.
  await target.getByRole("link").scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(1500);

  await target.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/generations/gen_e2eback${tag}50\\?in=`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/gallery\\?q=${tag}$`));
  await expect(cards).toHaveCount(60);
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(Math.round(before));
  await expect(target.getByRole("link")).toBeFocused();
  await page.screenshot({ path: "test-results/screens/gallery-desktop-after-back.png" });

  // A fresh visit from the menu starts at the top with one page.
  await page.getByRole("link", { name: "Gallery", exact: true }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});
