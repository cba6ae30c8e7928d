import { expect, type Page, test } from "@playwright/test";
import { seedGenerations } from "./seed-gallery";

/**
 * The gallery and a detail page with the keyboard alone, at 1440×900: one tab stop per
 * card, arrows and j / k between cards, f favorites, x selects, ? lists the keys (in a
 * focus-trapped dialog), nothing fires while typing, Enter opens, ← / → step through the
 * list on the detail page, Escape goes back to the same card.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const focusedCardId = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement
        ?.closest("article[data-generation-id]")
        ?.getAttribute("data-generation-id") ?? null,
  );

/**
 * Tabs through `count` stops and lists those whose focus ring some ancestor's overflow
 * cuts. A card link's ring is drawn by its card.
 */
async function clippedRings(page: Page, count: number): Promise<string[]> {
  const clipped: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate(() => {
      const focused = document.activeElement;
      if (!(focused instanceof HTMLElement) || focused === document.body) return null;
      const ring = focused.matches("[data-card-link]") ? focused.closest("article") : focused;
      if (!ring) return null;
      const style = getComputedStyle(ring);
      // A video's own controls take focus inside its box and draw their own rings there.
      const media = focused instanceof HTMLMediaElement;
      if (style.outlineStyle === "none" && !media) return `${focused.tagName} has no focus ring`;
      const grow = media
        ? 0
        : Number.parseFloat(style.outlineOffset) + Number.parseFloat(style.outlineWidth);
      const box = ring.getBoundingClientRect();
      for (let node = ring.parentElement; node; node = node.parentElement) {
        const s = getComputedStyle(node);
        if (s.overflowX === "visible" && s.overflowY === "visible") continue;
        const clip = node.getBoundingClientRect();
        if (
          box.left - grow < clip.left - 0.5 ||
          box.top - grow < clip.top - 0.5 ||
          box.right + grow > clip.right + 0.5 ||
          box.bottom + grow > clip.bottom + 0.5
        ) {
          return `${focused.tagName} "${(focused.getAttribute("aria-label") ?? focused.textContent ?? "").trim().slice(0, 30)}" clipped by ${node.tagName}.${node.className}`;
        }
      }
      return null;
    });
    if (found) clipped.push(found);
  }
  return clipped;
}

async function tabToCard(page: Page) {
  for (let i = 0; i < 12 && (await focusedCardId(page)) === null; i++) {
    await page.keyboard.press("Tab");
  }
}

test("keyboard only through the gallery and a detail page", async ({ page }) => {
  const tag = `k${Date.now().toString(36)}`;
  const now = Date.now();
  const id = (i: number) => `gen_e2ekeys${tag}${i}`;
  seedGenerations(
    Array.from({ length: 14 }, (_, i) => ({
      id: id(i),
      prompt: `A kestrel ${tag} number ${i}`,
      aspect: i % 2 ? ("9:16" as const) : ("16:9" as const),
      media: i < 8,
      createdAt: now - i * 1000,
    })),
  );
  await page.goto(`/gallery?q=${tag}`);
  const cards = page.locator("article[data-generation-id]");
  await expect(cards).toHaveCount(14);

  // Tab from the top: the skip link comes first and works.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  expect(await clippedRings(page, 14)).toEqual([]);
  await page.locator("main").focus();

  // Tab on to the first card; one more Tab is the next card, not its star or checkbox.
  await tabToCard(page);
  expect(await focusedCardId(page)).toBe(id(0));
  await page.keyboard.press("Tab");
  expect(await focusedCardId(page)).toBe(id(1));
  await page.keyboard.press("Shift+Tab");
  expect(await focusedCardId(page)).toBe(id(0));

  // Arrows follow the grid (6 columns at 1440 px); j / k step through the list.
  await page.keyboard.press("ArrowRight");
  expect(await focusedCardId(page)).toBe(id(1));
  await page.keyboard.press("ArrowDown");
  expect(await focusedCardId(page)).toBe(id(7));
  await page.keyboard.press("k");
  expect(await focusedCardId(page)).toBe(id(6));
  await page.keyboard.press("j");
  await page.keyboard.press("ArrowUp");
  expect(await focusedCardId(page)).toBe(id(1));
  await page.screenshot({ path: "test-results/screens/gallery-keyboard-focus.png" });
  // The focused card's ring is drawn around the whole card, and no ancestor clips it.
  const ring = await page.evaluate(() => {
    const card = document.activeElement?.closest("article");
    if (!card) return null;
    const style = getComputedStyle(card);
    let clipped = false;
    for (let node = card.parentElement; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).overflow !== "visible") clipped = true;
    }
    return { style: style.outlineStyle, width: style.outlineWidth, clipped };
  });
  expect(ring).toEqual({ style: "solid", width: "2px", clipped: false });

  // f favorites the focused card (a toggle with one stable name); x selects it.
  const star = cards.nth(1).getByRole("button", { name: "Favorite" });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("f");
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("x");
  await expect(page.getByRole("toolbar", { name: "Selection" })).toContainText("1 selected");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("toolbar", { name: "Selection" })).toHaveCount(0);

  // ? lists the keys in a dialog that keeps focus inside and gives it back on Escape.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(
      true,
    );
  }
  await page.screenshot({ path: "test-results/screens/gallery-shortcuts-dialog.png" });
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  expect(await focusedCardId(page)).toBe(id(1));

  // Typing in the search box is typing: no favorite, no dialog.
  const search = page.getByRole("searchbox", { name: "Search prompts" });
  await search.focus();
  await expect(search).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type("?f");
  await expect(help).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`q=${tag}%3Ff|q=${tag}\\?f`));
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await expect(page).toHaveURL(new RegExp(`q=${tag}$`));
  await expect(cards).toHaveCount(14);
  await expect(cards.nth(1).getByRole("button", { name: "Favorite" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Enter opens; ← / → walk the same list, Escape returns to the card that was opened.
  await tabToCard(page);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  const opened = await focusedCardId(page);
  expect(opened).not.toBeNull();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/generations/${opened}\\?in=`));
  const index = Number(opened?.slice(id(0).length - 1));
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(new RegExp(`/generations/${id(index + 1)}\\?in=`));
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(new RegExp(`/generations/${id(index)}\\?in=`));
  await expect(page.getByRole("link", { name: "Previous" })).toHaveAttribute(
    "href",
    new RegExp(id(index - 1)),
  );
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(new RegExp(`/generations/${id(index - 1)}\\?in=`));
  const detailStar = page.getByRole("button", { name: "Favorite" });
  await page.keyboard.press("f");
  await expect(detailStar).toHaveAttribute("aria-pressed", "true");
  // Every stop on the page shows its whole focus ring.
  await page.locator("body").focus();
  expect(await clippedRings(page, 25)).toEqual([]);
  await page.screenshot({ path: "test-results/screens/detail-keyboard.png" });
  // Where the sweep left focus (maybe inside the video's controls) is not the point here.
  await page.getByRole("button", { name: "Copy prompt" }).focus();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/gallery\\?q=${tag}$`));
  await expect.poll(() => focusedCardId(page)).toBe(opened);
});
