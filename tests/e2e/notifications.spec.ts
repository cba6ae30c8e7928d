import { expect, type Page, test } from "@playwright/test";

/**
 * Being told when a generation is done, and what a person can do when it is not: toasts in
 * a polite live region, the "(1) Omni Studio" tab badge, Retry with lineage, Cancel of a
 * queued generation, Check again / Submit again for an uncertain one. Faults go through the
 * in-app simulator's control API (SIMULATOR_CONTROL=1 in playwright.config.ts).
 */
const FAULTS = "/api/simulator/__sim/faults";

async function generate(page: Page, prompt: string) {
  await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await page.getByRole("combobox", { name: "Mode", exact: true }).selectOption("std");
  await page.getByRole("combobox", { name: "Duration" }).selectOption("5");
  await page.getByRole("button", { name: "Generate" }).click();
  const card = page.getByRole("article", { name: `Generation: ${prompt.slice(0, 60)}` });
  await expect(card).toBeVisible();
  return card;
}

/** Makes the page believe its tab is in the background (hidden and unfocused). */
async function sendTabToBackground(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.hasFocus = () => false;
  });
}

async function bringTabBack(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => "visible",
    });
    document.hasFocus = () => true;
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

test.afterEach(async ({ request }) => {
  await request.delete(FAULTS);
});

test("a watched generation that finishes shows a toast and a tab title badge", async ({ page }) => {
  await page.goto("/");
  const prompt = `A paper boat on a pond, notify e2e ${Date.now()}`;
  await sendTabToBackground(page);
  const card = await generate(page, prompt);
  await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "succeeded", {
    timeout: 30_000,
  });
  const region = page.getByRole("region", { name: "Notifications" });
  await expect(region).toHaveAttribute("aria-live", "polite");
  await expect(region.getByRole("listitem").filter({ hasText: prompt.slice(0, 40) })).toContainText(
    "Video ready",
  );
  await expect(page).toHaveTitle(/^\(1\) Omni Studio/);

  // Looking at the tab again clears the badge; the toast can be dismissed by keyboard.
  await bringTabBack(page);
  await expect(page).toHaveTitle(/^Omni Studio/);
  await region.getByRole("button", { name: "Dismiss: Video ready" }).first().focus();
  await page.keyboard.press("Enter");
  await expect(region.getByRole("listitem")).toHaveCount(0);
});

test("a refused generation offers Edit & retry, since the same request would fail again", async ({
  page,
}) => {
  await page.goto("/");
  const prompt = `A storm over the sea [simulate:moderation] ${Date.now()}`;
  const card = await generate(page, prompt);
  await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "failed", {
    timeout: 30_000,
  });
  const region = page.getByRole("region", { name: "Notifications" });
  await expect(region.getByRole("listitem").filter({ hasText: "storm" })).toContainText(
    "Generation failed",
  );
  await expect(card.getByRole("alert")).toContainText("risk control");
  await expect(card.getByRole("button", { name: "Retry" })).toHaveCount(0);
  const id = await card.getAttribute("data-generation-id");
  await expect(card.getByRole("link", { name: "Edit & retry" })).toHaveAttribute(
    "href",
    `/?remix=${id}`,
  );
});

test("a failed generation shows the failure toast and Retry creates a linked one", async ({
  page,
  request,
}) => {
  await request.post(FAULTS, { data: { failNext: { message: "The render node went away" } } });
  await page.goto("/");
  const prompt = `A storm over the hills ${Date.now()}`;
  const card = await generate(page, prompt);
  await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "failed", {
    timeout: 30_000,
  });
  const region = page.getByRole("region", { name: "Notifications" });
  await expect(region.getByRole("listitem").filter({ hasText: "storm" })).toContainText(
    "Generation failed",
  );
  await expect(card.getByRole("alert")).toContainText("render node");

  await card.getByRole("button", { name: "Retry" }).click();
  await expect(page).toHaveURL(/\/generations\/gen_/);
  const lineage = page.getByRole("region", { name: "Lineage" });
  await expect(lineage.getByRole("link", { name: /Retry of/ })).toBeVisible();
  await lineage.getByRole("link", { name: /Retry of/ }).click();
  await expect(
    page.getByRole("region", { name: "Lineage" }).getByRole("link", { name: /Retried as/ }),
  ).toBeVisible();
});

test("a queued generation can be cancelled", async ({ page, request }) => {
  // "Busy" answers to creates: the queue waits (5 s per answer without Retry-After), so the
  // generation stays queued long enough to be cancelled.
  const busy = { status: 429, body: { code: 1303, message: "too many running tasks" } };
  await request.post(FAULTS, { data: { create: [busy, busy, busy, busy] } });
  await page.goto("/");
  const card = await generate(page, `A queue of ducks, cancel e2e ${Date.now()}`);
  await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "queued");
  await expect(card.getByText(/Waiting in the queue/)).toBeVisible();
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "canceled");
  await expect(card.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("an uncertain generation offers Check again and Submit again", async ({ page, request }) => {
  await request.post(FAULTS, { data: { create: [{ reset: true }] } });
  await page.goto("/");
  const prompt = `A lost letter, uncertain e2e ${Date.now()}`;
  const card = await generate(page, prompt);
  await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "uncertain", {
    timeout: 15_000,
  });
  await expect(
    card.getByRole("status").filter({ hasText: /may or may not have started/ }),
  ).toContainText("billed a second time");

  await card.getByRole("button", { name: "Check again" }).click();
  await expect(card.getByRole("alert").filter({ hasText: "dashboard" })).toBeVisible();

  await card.getByRole("button", { name: "Submit again" }).click();
  await page
    .getByRole("dialog", { name: "Submit again?" })
    .getByRole("button", { name: "Submit again" })
    .click();
  await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "succeeded", {
    timeout: 30_000,
  });
});
