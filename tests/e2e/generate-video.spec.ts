import { expect, test } from "@playwright/test";
import { simulatorCreates } from "./studio-steps";

test("type a prompt, Generate, and the video plays on the detail page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("Demo mode")).toBeVisible();

  const prompt = `A lighthouse at dawn, waves rolling in, e2e ${Date.now()}`;
  await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await page.getByRole("combobox", { name: "Mode", exact: true }).selectOption("std");
  await page.getByRole("combobox", { name: "Aspect ratio" }).selectOption("16:9");
  await page.getByRole("combobox", { name: "Duration" }).selectOption("5");
  await page.getByRole("button", { name: "Generate" }).click();

  const card = page.getByRole("article", { name: `Generation: ${prompt.slice(0, 60)}` });
  await expect(card).toBeVisible();
  await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "succeeded", {
    timeout: 60_000,
  });

  await card.getByRole("link", { name: "Open generation details" }).click();
  const video = page.getByLabel("Generated video");
  await expect(video).toBeVisible();
  const duration = await video.evaluate(
    (element: HTMLVideoElement) =>
      new Promise<number>((resolve, reject) => {
        if (element.readyState >= 1) resolve(element.duration);
        element.addEventListener("loadedmetadata", () => resolve(element.duration));
        element.addEventListener("error", () => reject(new Error("video failed to load")));
      }),
  );
  expect(duration).toBeGreaterThan(4.5);
  expect(duration).toBeLessThan(5.5);

  // The player can seek: the media route answers Range requests with 206.
  const src = await video.getAttribute("src");
  const ranged = await page.request.get(src ?? "", { headers: { Range: "bytes=0-99" } });
  expect(ranged.status()).toBe(206);
  expect((await ranged.body()).length).toBe(100);
});

test("an empty prompt is refused next to the field and nothing is sent", async ({ page }) => {
  const creates = async () => (await simulatorCreates(page.request)).length;
  const before = await creates();
  await page.goto("/");
  await page.getByRole("textbox", { name: "Prompt" }).fill("   ");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.locator("#prompt-help")).toContainText("Write a prompt");
  expect(await creates()).toBe(before);
});
