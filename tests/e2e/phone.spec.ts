import { expect, type Page, test } from "@playwright/test";
import { seedGenerations } from "./seed-gallery";

/**
 * The studio on a 390×844 phone (touch, mobile viewport): a one-line header, the gallery's
 * filters folded so the first cards are on the first screen, the detail page's actions in
 * one row, and every control at least 44 px square.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/**
 * Controls smaller than 44×44 px. Links inside running text are exempt (WCAG 2.5.5 allows
 * inline targets); a checkbox counts by its label, which is what a finger hits.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, select, summary, input:not([type="hidden"]), [role="button"]';
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest("dialog:not([open]), [aria-hidden='true']")) continue;
      // Closed <details> content and display:none are not on screen.
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      const style = getComputedStyle(element);
      // Visually hidden (the skip link until focused) is not a target either.
      if (style.position === "absolute" && style.clip === "rect(0px, 0px, 0px, 0px)") continue;
      let box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (element instanceof HTMLInputElement && ["checkbox", "radio"].includes(element.type)) {
        const label = element.closest("label");
        if (label) box = label.getBoundingClientRect();
      }
      // An sr-only file input is reached through its visible label.
      if (element instanceof HTMLInputElement && element.type === "file") {
        const label = element.closest("label");
        if (label) box = label.getBoundingClientRect();
      }
      if (element.tagName === "A" && style.display === "inline") continue;
      if (box.width < 43.5 || box.height < 43.5) {
        const name =
          element.getAttribute("aria-label") ??
          (element.textContent?.trim() || element.outerHTML.slice(0, 60));
        small.push(
          `${element.tagName.toLowerCase()} "${name.slice(0, 60)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return small;
  });
}

test("one-line header, folded filters, one row of actions, 44 px targets", async ({ page }) => {
  const tag = `p${Date.now().toString(36)}`;
  const now = Date.now();
  seedGenerations([
    ...(["16:9", "9:16", "1:1", "16:9"] as const).map((aspect, i) => ({
      id: `gen_e2ephone${tag}${i}`,
      prompt: `A paper crane ${tag} number ${i}`,
      aspect,
      createdAt: now - i * 1000,
    })),
    {
      id: `gen_e2ephone${tag}f`,
      prompt: `A refused crane ${tag}`,
      status: "failed" as const,
      createdAt: now - 10_000,
    },
  ]);

  await page.goto(`/gallery?q=${tag}`);
  const cards = page.locator("article[data-generation-id]");
  await expect(cards).toHaveCount(5);
  await page.screenshot({ path: "test-results/screens/phone-gallery.png" });
  await page.screenshot({ path: "test-results/screens/phone-gallery-full.png", fullPage: true });

  // The header is one line: every item in it shares a row no taller than one target.
  const header = page.locator("body > header, header").first();
  const headerBox = await header.boundingBox();
  expect(headerBox?.height).toBeLessThanOrEqual(60);
  expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);

  // Filters are folded; the first two cards are on the first screen.
  await expect(page.getByRole("combobox", { name: "Status" })).toBeHidden();
  const second = await cards.nth(1).boundingBox();
  expect((second?.y ?? 1e9) + 150).toBeLessThan(844);
  expect(await smallTargets(page)).toEqual([]);

  await page.locator("summary", { hasText: "Filters" }).click();
  await expect(page.getByRole("combobox", { name: "Status" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/phone-gallery-filters.png" });
  expect(await smallTargets(page)).toEqual([]);
  await page.getByRole("button", { name: "Done" }).click();

  await page.goto(`/generations/gen_e2ephone${tag}1`);
  await expect(page.getByRole("button", { name: "Share" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/phone-detail.png" });
  await page.screenshot({ path: "test-results/screens/phone-detail-full.png", fullPage: true });
  const actions = [
    page.getByRole("button", { name: "Share" }),
    page.getByRole("link", { name: "Remix" }),
    page.getByRole("link", { name: "Download" }),
    page.getByRole("button", { name: "Favorite" }),
    page.getByRole("button", { name: "Delete" }),
  ];
  // One row: every action's middle on the same line.
  const middles = await Promise.all(
    actions.map(async (a) => {
      const box = await a.boundingBox();
      return box ? box.y + box.height / 2 : -1;
    }),
  );
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(2);
  expect(await smallTargets(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto(`/generations/gen_e2ephone${tag}f`);
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  expect(await smallTargets(page)).toEqual([]);
});
