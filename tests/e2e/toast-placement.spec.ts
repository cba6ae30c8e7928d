import { expect, type Locator, type Page, test } from "@playwright/test";

/**
 * A toast never covers what it announces: the finished generation's card in the studio,
 * its player and status on the detail page, at 1440×900 and at a 390×844 phone. The card is
 * scrolled to the bottom edge first, where the toasts sit by default. Screenshots are kept
 * in test-results for a person to look at.
 */
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

async function generate(page: Page, prompt: string): Promise<Locator> {
  await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await page.getByRole("combobox", { name: "Mode", exact: true }).selectOption("std");
  await page.getByRole("combobox", { name: "Duration" }).selectOption("5");
  await page.getByRole("button", { name: "Generate" }).click();
  const card = page.getByRole("article", { name: `Generation: ${prompt.slice(0, 60)}` });
  await expect(card).toBeVisible();
  return card;
}

/** Fails when the toast stack overlaps any element that shows this generation. */
async function expectUncovered(page: Page, id: string) {
  const toast = page.getByRole("region", { name: "Notifications" }).getByRole("listitem");
  await expect(toast.first()).toBeVisible({ timeout: 30_000 });
  // The placement is judged on the next animation frame.
  await page.waitForTimeout(200);
  const covered = await page.evaluate((generationId) => {
    const stack = document.querySelector('section[aria-label="Notifications"] ul');
    const box = stack?.getBoundingClientRect();
    if (!box) return ["no toast stack"];
    return [...document.querySelectorAll(`[data-generation-id="${generationId}"]`)]
      .map((element) => element.getBoundingClientRect())
      .filter(
        (rect) =>
          rect.left < box.right &&
          box.left < rect.right &&
          rect.top < box.bottom &&
          box.top < rect.bottom,
      )
      .map((rect) => `${rect.left},${rect.top} ${rect.width}×${rect.height}`);
  }, id);
  expect(covered).toEqual([]);
}

for (const size of sizes) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test("the toast leaves the finished card in view", async ({ page }, info) => {
      await page.goto("/");
      const card = await generate(page, `A kite over dunes, toast ${size.name} ${Date.now()}`);
      const id = (await card.getAttribute("data-generation-id")) ?? "";
      // The card's bottom on the screen's bottom edge: where a toast would land on it.
      await card.evaluate((element) => {
        const rect = element.getBoundingClientRect();
        window.scrollBy(0, rect.bottom - window.innerHeight + 4);
      });
      await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "succeeded", {
        timeout: 30_000,
      });
      await expectUncovered(page, id);
      await page.screenshot({ path: info.outputPath(`toast-card-${size.name}.png`) });
    });

    test("the toast leaves the detail page's player and status in view", async ({ page }, info) => {
      await page.goto("/");
      const card = await generate(page, `A lantern on a pier, toast ${size.name} ${Date.now()}`);
      const id = (await card.getAttribute("data-generation-id")) ?? "";
      await page.goto(`/generations/${id}`);
      await expect(page.getByLabel("Generated video")).toBeVisible({ timeout: 30_000 });
      await expectUncovered(page, id);
      await page.screenshot({ path: info.outputPath(`toast-detail-${size.name}.png`) });
    });
  });
}
