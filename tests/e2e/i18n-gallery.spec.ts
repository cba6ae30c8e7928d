import { expect, test } from "@playwright/test";
import { seedGenerations } from "./seed-gallery";

/**
 * The gallery in Korean (issue 13): a Korean browser reads the filters, a card's status, the
 * selection toolbar, a collection it makes and a toast in Korean, and reaches every control
 * by its Korean name. The person's own prompt text stays as written.
 */
test.use({ locale: "ko-KR" });

test("a Korean browser reads and drives the gallery in Korean", async ({ page }) => {
  const marker = `ko${Date.now().toString(36)}`;
  const now = Date.now();
  seedGenerations([
    { id: `gen_${marker}done`, prompt: `해 질 녘 등대 ${marker}`, createdAt: now - 2000 },
    {
      id: `gen_${marker}fail`,
      prompt: `폭풍 속 등대 ${marker}`,
      status: "failed",
      createdAt: now - 1000,
    },
  ]);

  await page.goto("/gallery");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: "갤러리", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "기록 내보내기" })).toBeVisible();
  await expect(page.getByLabel("기록 합계")).toContainText("예상 지출");

  // Search, then the folded filters, by their Korean names.
  const cards = page.locator("article[data-generation-id]");
  await page.getByRole("searchbox", { name: "프롬프트 검색" }).pressSequentially(marker, {
    delay: 30,
  });
  await expect(page).toHaveURL(new RegExp(`[?&]q=${marker}`));
  await expect(cards).toHaveCount(2);
  await expect(page.getByText("이 필터에 맞는 생성 결과: 2개")).toBeVisible();
  await page.locator("summary", { hasText: "필터" }).click();
  const status = page.getByRole("combobox", { name: "상태" });
  await expect(status.locator("option")).toContainText(["전체", "생성 중", "완료", "실패"]);
  await status.selectOption("succeeded");
  await expect(page).toHaveURL(/status=succeeded/);
  await expect(cards).toHaveCount(1);
  await page.getByRole("button", { name: "닫기", exact: true }).click();
  await expect(page.getByRole("link", { name: "필터 해제: 상태: 완료" })).toBeVisible();

  // A card: its name, status and settings in Korean; the prompt as the person wrote it.
  const card = page.getByRole("article", { name: `생성: 해 질 녘 등대 ${marker}` });
  await expect(card.locator("[data-status]")).toHaveText("완료");
  await expect(card).toContainText("표준 (720p)");
  await expect(card).toContainText(/\d{4}년 \d{1,2}월 \d{1,2}일 .*UTC/);
  await expect(card.getByRole("button", { name: "즐겨찾기" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );

  // The selection toolbar, and a collection made from it.
  await page.getByRole("link", { name: "필터 해제: 상태: 완료" }).click();
  await expect(cards).toHaveCount(2);
  await cards.first().getByRole("checkbox").check();
  const toolbar = page.getByRole("toolbar", { name: "선택" });
  await expect(toolbar).toContainText("1개 선택됨");
  await expect(toolbar.getByRole("button", { name: "선택 항목 삭제" })).toBeVisible();
  await expect(toolbar.getByRole("button", { name: "ZIP 다운로드" })).toBeVisible();
  const collection = `등대 모음 ${marker}`;
  await toolbar.getByRole("textbox", { name: "새 컬렉션 이름" }).fill(collection);
  await toolbar.getByRole("button", { name: "새 컬렉션", exact: true }).click();
  await expect(toolbar.getByRole("status")).toHaveText("1개로 컬렉션을 만들었습니다.");
  await expect(
    page
      .getByRole("region", { name: "컬렉션" })
      .getByRole("link", { name: new RegExp(collection) }),
  ).toBeVisible();

  // An empty name is refused by the shared rule, in Korean, before anything is sent.
  await toolbar.getByRole("button", { name: "새 컬렉션", exact: true }).click();
  await expect(toolbar.getByRole("alert")).toHaveText("컬렉션 이름을 입력하세요.");

  // Deleting asks in Korean.
  await toolbar.getByRole("button", { name: "선택 항목 삭제" }).click();
  const confirm = page.getByRole("dialog", { name: "생성 결과 1개를 삭제할까요?" });
  await expect(confirm.getByRole("button", { name: "삭제", exact: true })).toBeVisible();
  await confirm.getByRole("button", { name: "취소" }).click();
});

test("a finished generation is announced in Korean", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  const prompt = `종이배 알림 ${Date.now()}`;
  // The composer's own names are another engineer's (issue 13): either language is accepted here.
  await page.getByRole("textbox", { name: /^(프롬프트|Prompt)$/ }).fill(prompt);
  await page.getByRole("button", { name: /^(생성|Generate)$/ }).click();
  const region = page.getByRole("region", { name: "알림" });
  await expect(region).toHaveAttribute("aria-live", "polite");
  const toast = region.getByRole("listitem").filter({ hasText: prompt });
  await expect(toast).toContainText("영상 완성", { timeout: 60_000 });
  await toast.getByRole("button", { name: "닫기: 영상 완성" }).click();
  await expect(toast).toHaveCount(0);
});
