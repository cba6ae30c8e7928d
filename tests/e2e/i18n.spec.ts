import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { localMessage } from "../../i18n/local-message";
import { startPasswordStudio } from "./password-studio";
import { seedGenerations, seedReference } from "./seed-gallery";

/**
 * The studio in Korean and English, in a real browser: a Korean browser (Accept-Language
 * ko) gets Korean pages with `<html lang="ko">`; "Language" switches to English at once,
 * without a reload, and the choice is remembered; share pages follow whoever opens them.
 * Controls are addressed by their accessible names in both languages.
 */
test.use({ locale: "ko-KR" });

/** Each control's accessible name in both languages (DESIGN.md lists the English ones). */
const NAMES = {
  share: { ko: "공유", en: "Share" },
  remix: { ko: "리믹스", en: "Remix" },
  download: { ko: "다운로드", en: "Download" },
  delete: { ko: "삭제", en: "Delete" },
  studio: { ko: "스튜디오", en: "Studio" },
  gallery: { ko: "갤러리", en: "Gallery" },
  createLink: { ko: "링크 만들기", en: "Create link" },
  shareDialog: { ko: "영상 공유", en: "Share this video" },
  showRecipe: {
    ko: "레시피 공개 (프롬프트와 참조)",
    en: "Show the recipe (prompt and references)",
  },
  video: { ko: "생성된 영상", en: "Generated video" },
  prompt: { ko: "프롬프트", en: "Prompt" },
} as const;
type Lang = "ko" | "en";

async function expectDetailIn(page: Page, lang: Lang) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: NAMES.prompt[lang], exact: true })).toBeVisible();
  await expect(main.getByRole("button", { name: NAMES.share[lang], exact: true })).toBeVisible();
  await expect(main.getByRole("link", { name: NAMES.remix[lang], exact: true })).toBeVisible();
  await expect(main.getByRole("link", { name: NAMES.download[lang], exact: true })).toBeVisible();
  await expect(main.getByRole("button", { name: NAMES.delete[lang], exact: true })).toBeVisible();
  await expect(main.getByLabel(NAMES.video[lang], { exact: true })).toBeVisible();
  const nav = page.getByRole("banner");
  await expect(nav.getByRole("link", { name: NAMES.studio[lang], exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: NAMES.gallery[lang], exact: true })).toBeVisible();
}

test("a Korean browser reads the detail and share pages in Korean, then switches to English without a reload", async ({
  page,
  browser,
}) => {
  const id = `gen_i18n${Date.now()}`;
  seedGenerations([
    { id, prompt: "종이배가 <<<image_1>>> 연못 위를 떠간다", createdAt: Date.now() },
  ]);
  seedReference({
    id: `ref_${id}`,
    generationId: id,
    kind: "image",
    position: 0,
    name: "boat.jpg",
  });

  await page.goto(`/generations/${id}`);
  await expectDetailIn(page, "ko");
  const aside = page.getByRole("complementary");
  await expect(aside.getByText("완료", { exact: true })).toBeVisible();
  await expect(aside.getByText("표준 (720p)")).toBeVisible();
  await expect(aside.getByText("US$0.42")).toBeVisible();
  await expect(aside.getByText(/\d{4}년 \d{1,2}월 \d{1,2}일 .*UTC/).first()).toBeVisible();
  await expect(page.getByText("참조 이미지:", { exact: false }).first()).toBeAttached();
  // The reference's default name (stored in English, or missing) in the reader's language.
  await expect(page.getByRole("main").getByText("이미지 1", { exact: true }).first()).toBeVisible();

  // Share in Korean; the link opens in each visitor's own language.
  await page.getByRole("button", { name: NAMES.share.ko, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: NAMES.shareDialog.ko });
  await dialog.getByLabel(NAMES.showRecipe.ko).check();
  await dialog.getByRole("button", { name: NAMES.createLink.ko }).click();
  const linkInput = dialog.getByRole("textbox").first();
  await expect(linkInput).toHaveValue(/\/s\/[0-9a-z]{32}$/);
  const shareUrl = await linkInput.inputValue();
  await dialog.getByRole("button", { name: "닫기" }).last().click();

  for (const [locale, lang, cta, label] of [
    ["ko-KR", "ko", "나도 만들기", "공유된 영상"],
    ["en-US", "en", "Make your own", "Shared video"],
  ] as const) {
    const visitor = await browser.newContext({ locale });
    const guest = await visitor.newPage();
    const response = await guest.goto(shareUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-language"]).toBe(lang);
    await expect(guest.locator("html")).toHaveAttribute("lang", lang);
    await expect(guest.getByRole("link", { name: cta, exact: true })).toBeVisible();
    await expect(guest.getByLabel(label, { exact: true })).toBeVisible();
    // The recipe is shown: the prompt is the person's own text, never translated.
    await expect(guest.getByRole("heading", { level: 1 })).toContainText(
      lang === "ko" ? "종이배가 이미지 1 연못" : "종이배가 Image 1 연못",
    );
    await visitor.close();
  }

  // "Language" (Korean name "언어 (Language)") switches the page in place: no navigation.
  await page.evaluate(() => {
    (window as { stillHere?: boolean }).stillHere = true;
  });
  await page.getByRole("combobox", { name: "Language" }).selectOption("en");
  await expectDetailIn(page, "en");
  await expect(page.getByRole("complementary").getByText("Done", { exact: true })).toBeVisible();
  await expect(page.getByRole("complementary").getByText("$0.42")).toBeVisible();
  expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
  await expect(page.getByRole("combobox", { name: "Language", exact: true })).toHaveValue("en");

  // Remembered: a new page load stays English although the browser still asks for Korean.
  await page.reload();
  await expectDetailIn(page, "en");

  // And back, by the English name.
  await page.getByRole("combobox", { name: "Language", exact: true }).selectOption("ko");
  await expectDetailIn(page, "ko");
});

test("the 404 page speaks Korean to a Korean browser", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: "없는 페이지입니다" })).toBeVisible();
  await expect(page.getByRole("link", { name: "갤러리 열기" })).toBeVisible();
});

test("a failed generation's stored details read in Korean; a row stored in English before still shows", async ({
  page,
}) => {
  const now = Date.now();
  const blocked = `gen_i18nfail${now}`;
  const old = `gen_i18nold${now}`;
  seedGenerations([
    {
      id: blocked,
      prompt: "A paper boat",
      status: "failed",
      errorCode: "provider_rejected",
      // As lib/cometapi/classify-failure.ts stores a Kling 1301 with the provider's own words.
      errorMessage: localMessage("failureDetails.withProviderText", {
        reason: localMessage("failureDetails.content_policy", { status: 400 }),
        text: "prompt flagged",
      }),
      createdAt: now,
    },
    {
      id: old,
      prompt: "A paper kite",
      status: "failed",
      errorCode: "provider_rejected",
      errorMessage: "CometAPI rejected the request: bad duration",
      createdAt: now + 1,
    },
  ]);
  await page.goto(`/generations/${blocked}`);
  const alert = page.getByRole("complementary").getByRole("alert");
  await expect(alert).toContainText("제공업체의 콘텐츠 정책에 따라 차단된 요청입니다.");
  await expect(alert).toContainText(
    "상세 내용: 제공업체가 콘텐츠 정책에 따라 이 요청을 차단했습니다. 제공업체 메시지: prompt flagged",
  );
  await expect(alert).not.toContainText("i18n:");

  await page.goto(`/generations/${old}`);
  const oldAlert = page.getByRole("complementary").getByRole("alert");
  await expect(oldAlert).toContainText("제공업체가 요청이 올바르지 않다고 판단했습니다.");
  await expect(oldAlert).toContainText("상세 내용: CometAPI rejected the request: bad duration");
});

test.describe("sign-in page", () => {
  // Beside the main e2e server, like auth.spec (which takes E2E_PORT + 1).
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 3 : 3613;
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = path.resolve("test-results/i18n-auth-data");
  let studio: ChildProcess | undefined;

  test.beforeAll(async () => {
    studio = await startPasswordStudio({ port, dataDir, password: "i18n-password" });
  });

  test.afterAll(() => {
    studio?.kill("SIGTERM");
  });

  test("in Korean, with a Korean refusal, and in English after switching", async ({ page }) => {
    await page.goto(`${baseURL}/gallery`);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await page.getByLabel("비밀번호", { exact: true }).fill("wrong");
    await page.getByRole("button", { name: "로그인", exact: true }).click();
    await expect(page.locator("#sign-in-error")).toHaveText("비밀번호가 맞지 않습니다.");

    await page.getByRole("combobox", { name: "Language" }).selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByLabel("Password", { exact: true }).fill("i18n-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}/gallery`);
    await expect(page.getByRole("link", { name: "Gallery", exact: true })).toBeVisible();
  });
});
