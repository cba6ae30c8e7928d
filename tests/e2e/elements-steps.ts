import path from "node:path";
import { expect, type Page } from "@playwright/test";

const fixture = (name: string) => path.resolve("tests/fixtures", name);

/** The element controls' accessible names in each language (DESIGN.md lists the English). */
export const ELEMENT_NAMES = {
  en: {
    addElement: "Add element",
    dialog: "Add a Kling element",
    createTab: "Create from images",
    elementName: "Element name",
    description: "Description",
    tag: "Tag",
    frontView: "Front view",
    otherViews: "Other views",
    createElement: "Create element",
    tasks: "Elements being created",
    library: "Element library",
    librarySummary: /^Element library \(\d+\)$/,
    frontViewOf: (name: string) => `${name} front view`,
    character: "Character",
  },
  ko: {
    addElement: "요소 추가",
    dialog: "Kling 요소 추가",
    createTab: "이미지로 생성",
    elementName: "요소 이름",
    description: "설명",
    tag: "태그",
    frontView: "정면 이미지",
    otherViews: "다른 각도 이미지",
    createElement: "요소 생성",
    tasks: "생성 중인 요소",
    library: "요소 라이브러리",
    librarySummary: /^요소 라이브러리 \(\d+\)$/,
    frontViewOf: (name: string) => `${name} 정면 이미지`,
    character: "캐릭터",
  },
} as const;
type Words = (typeof ELEMENT_NAMES)[keyof typeof ELEMENT_NAMES];

/** Fills "Create from images" with a front view and one other view, and sends it. */
export async function createElementFromImages(
  page: Page,
  name: string,
  words: Words = ELEMENT_NAMES.en,
  description = "A hero in a blue cape",
) {
  await page.getByRole("button", { name: words.addElement }).click();
  const dialog = page.getByRole("dialog", { name: words.dialog });
  await dialog.getByRole("tab", { name: words.createTab }).click();
  await dialog.getByLabel(words.elementName).fill(name);
  await dialog.getByLabel(words.description).fill(description);
  await dialog.getByLabel(words.tag).selectOption("character");
  await dialog.getByLabel(words.frontView).setInputFiles(fixture("ref-blue.png"));
  await dialog.getByLabel(words.otherViews).setInputFiles(fixture("ref-orange.jpg"));
  // Both uploads done: their previews replace the progress bars.
  await expect(dialog.getByRole("progressbar")).toHaveCount(0);
  await dialog.getByRole("button", { name: words.createElement }).click();
  return dialog;
}

/** The library row of an element, by name (the library opens while an element is made). */
export function libraryItem(page: Page, name: string, words: Words = ELEMENT_NAMES.en) {
  return page
    .getByRole("list", { name: words.library })
    .locator("[data-element-id]")
    .filter({ hasText: name });
}

/**
 * Opens the library and makes sure it stays open. The library also opens itself while an
 * element is being made (after its first poll): a single "closed? then click" could land
 * just after that and close it again, so this checks again until it is open.
 */
export async function openLibrary(page: Page, words: Words = ELEMENT_NAMES.en) {
  const summary = page.getByText(words.librarySummary);
  const details = page.locator("details").filter({ has: summary });
  const isOpen = () => details.evaluate((node) => (node as HTMLDetailsElement).open);
  await expect(async () => {
    if (!(await isOpen())) await summary.click();
    expect(await isOpen()).toBe(true);
  }).toPass({ timeout: 30_000 });
}
