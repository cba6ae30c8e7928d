import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { clearSimulatorLog, simulatorCreates } from "./studio-steps";

/**
 * The composer in a Korean browser (Accept-Language ko): its controls carry Korean names, a
 * rule refuses a bad file in Korean, a bad link is refused when added (never at Generate)
 * and leaves no chip, and a generation with two image chips goes through. English names of
 * the same controls are in DESIGN.md and the other composer specs.
 */
test.use({ locale: "ko-KR" });

const fixture = (name: string) => path.resolve("tests/fixtures", name);
const NAMES = {
  prompt: "프롬프트",
  generate: "생성",
  model: "모델",
  mode: "모드",
  duration: "길이",
  aspectRatio: "화면 비율",
  addImages: "이미지 추가",
  addVideo: "영상 추가",
  addLink: "링크 추가",
  link: "이미지 또는 영상 링크",
  references: "참조",
  newVideo: "새 영상",
} as const;

const promptBox = (page: Page) => page.getByRole("textbox", { name: NAMES.prompt });
const chips = (page: Page) => promptBox(page).getByRole("img");

test("a Korean browser uses the composer in Korean: names, a refused file, a refused link, a generation", async ({
  page,
  request,
}) => {
  await clearSimulatorLog(request);
  await page.goto("/");
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { level: 1, name: NAMES.newVideo })).toBeVisible();
  const box = promptBox(page);
  await expect(box).toBeVisible();
  await expect(page.getByRole("button", { name: NAMES.generate, exact: true })).toBeVisible();
  for (const label of [NAMES.model, NAMES.mode, NAMES.duration, NAMES.aspectRatio]) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: NAMES.addImages })).toBeVisible();
  await expect(page.getByRole("button", { name: NAMES.addVideo })).toBeVisible();
  await expect(page.getByRole("group", { name: "시작 프레임" })).toBeVisible();
  await expect(page.getByRole("group", { name: "끝 프레임" })).toBeVisible();

  // A 200×200 image is refused at pick time, in Korean, naming the file; no chip.
  await page.getByTestId("image-input").setInputFiles([fixture("ref-too-small.png")]);
  const refusal = page.getByRole("alert").filter({ hasText: "추가하지 않았습니다" });
  await expect(refusal.locator("p")).toHaveText([
    '추가하지 않았습니다. "ref-too-small.png": 200×200px입니다. 가로와 세로 모두 300px 이상이어야 합니다. 더 큰 이미지를 사용하세요.',
  ]);
  await expect(chips(page)).toHaveCount(0);

  // A link the server refuses to fetch (a private address) is refused when added: one
  // message naming it, and no chip.
  const link = page.getByLabel(NAMES.link, { exact: true });
  await link.fill("https://127.0.0.1/private.png");
  await page.getByRole("button", { name: NAMES.addLink }).click();
  const linkError = page.locator("#image-url-error");
  await expect(linkError).toContainText('"https://127.0.0.1/private.png"');
  await expect(linkError).toContainText("추가하지 않았습니다");
  await expect(chips(page)).toHaveCount(0);
  await expect(page.getByRole("list", { name: "이미지" })).toHaveCount(0);
  await link.fill("http://example.com/a.png");
  await page.getByRole("button", { name: NAMES.addLink }).click();
  await expect(linkError).toHaveText(
    "JPEG·PNG 이미지(또는 MP4 영상)의 전체 https:// 링크를 입력하세요.",
  );
  await link.fill("");

  // Two images become two chips with Korean names; the tray lists them as 이미지 1 and 이미지 2.
  await box.click();
  await page.keyboard.type("종이배가 연못 위를 떠간다 ");
  await page
    .getByTestId("image-input")
    .setInputFiles([fixture("ref-blue.png"), fixture("ref-orange.jpg")]);
  await expect(chips(page)).toHaveCount(2);
  await expect(page.getByRole("img", { name: "이미지 1 참조: ref-blue.png" })).toBeVisible();
  await expect(page.getByRole("img", { name: "이미지 2 참조: ref-orange.jpg" })).toBeVisible();
  const tray = page.getByRole("region", { name: NAMES.references });
  await expect(tray.getByRole("listitem", { name: "이미지 1" })).toBeVisible();
  await expect(tray.getByRole("button", { name: "이미지 2 삭제" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/composer-ko.png", fullPage: true });

  await page.getByRole("button", { name: NAMES.generate, exact: true }).click();
  await expect(page.getByText("생성을 시작했습니다.")).toBeAttached();
  await expect.poll(async () => (await simulatorCreates(request)).length).toBe(1);
  const [sent] = await simulatorCreates(request);
  expect(JSON.stringify(sent)).toContain("<<<image_1>>>");
  expect(JSON.stringify(sent)).toContain("<<<image_2>>>");
});
