import { expect, test } from "@playwright/test";
import { createElementFromImages, ELEMENT_NAMES, libraryItem } from "./elements-steps";

/**
 * Issue 13 for elements (runs after elements.spec, on the same studio): a Korean browser (Accept-Language ko) makes an element from images
 * with the Korean control names, follows its progress in Korean, and finds it in the library
 * with its Korean tag and front view.
 */
test.use({ locale: "ko-KR" });

test("a Korean browser creates an element with the Korean control names", async ({ page }) => {
  const ko = ELEMENT_NAMES.ko;
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  // Korean words only, so specs that find "Hero" by its text never match this one.
  const dialog = await createElementFromImages(page, "파란 영웅", ko, "파란 망토를 두른 영웅");
  await expect(dialog).toBeHidden();

  const tasks = page.getByRole("list", { name: ko.tasks });
  await expect(tasks).toContainText("파란 영웅");
  const hero = libraryItem(page, "파란 영웅", ko);
  await expect(hero.getByRole("img", { name: ko.frontViewOf("파란 영웅") })).toBeVisible();
  await expect(hero).toContainText(ko.character);
  await expect(hero.getByRole("button", { name: "파란 영웅 요소 사용" })).toBeVisible();
  // Nothing of the element UI left in English.
  await expect(page.getByText(/Element library|Add element|Elements being created/)).toHaveCount(0);
});

test("an element form refused in Korean says why in Korean", async ({ page }) => {
  const ko = ELEMENT_NAMES.ko;
  await page.goto("/");
  await page.getByRole("button", { name: ko.addElement }).click();
  const dialog = page.getByRole("dialog", { name: ko.dialog });
  await dialog.getByRole("tab", { name: ko.createTab }).click();
  await dialog.getByRole("button", { name: ko.createElement }).click();
  await expect(dialog.getByRole("alert")).toHaveText("요소를 생성하기 전에 고칠 곳이 있습니다.");
  await expect(dialog.getByText("요소 이름을 입력하세요.")).toBeVisible();
  await expect(dialog.getByText("사용할 수 있는 정면 이미지를 추가하세요.")).toBeVisible();
});
