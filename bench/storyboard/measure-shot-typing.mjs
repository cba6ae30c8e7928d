import path from "node:path";
import { sampleKeystrokes } from "../bench-studio.mjs";

const SHOTS = 6;
/** Each shot: 450 characters of text and one image chip (13 characters as a token), so the sixth stays within 512 after the typing. */
const shotText = (i) => `${`Shot ${i + 1}: a slow dolly through fog. `.repeat(20)}`.slice(0, 450);

/**
 * Fills a Kling 3.0 Omni storyboard to its 6 shots, each with about 465 characters and one
 * image chip, then types real keystrokes at the end of the sixth shot. Each sample runs from
 * the keydown (a capturing listener) to the first frame painted after it. Reads back the
 * sixth shot's text, chips and the composer's own counter, so the caller can check the
 * typing really happened where it says.
 */
export async function measureShotTyping(browser, base) {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.getByRole("textbox", { name: "Prompt" }).waitFor();
  await page.getByRole("combobox", { name: "Model" }).selectOption({ label: "Kling 3.0 Omni" });
  const fixture = path.resolve("tests/fixtures/ref-blue.png");
  await page.getByTestId("image-input").setInputFiles(Array.from({ length: SHOTS }, () => fixture));
  await page.getByRole("progressbar").first().waitFor({ state: "detached", timeout: 30_000 });
  await page.getByRole("switch", { name: "Storyboard" }).click();
  for (let i = 1; i < SHOTS; i++) await page.getByRole("button", { name: "Add shot" }).click();
  for (let i = 0; i < SHOTS; i++) {
    const box = page.getByRole("textbox", { name: `Shot ${i + 1}` });
    await box.click();
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Backspace");
    await box.evaluate(
      (el, t) => {
        const dt = new DataTransfer();
        dt.setData("text/plain", t);
        el.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
        );
      },
      `${shotText(i)} <<<image_${i + 1}>>>`,
    );
  }
  const sixth = page.getByRole("textbox", { name: `Shot ${SHOTS}` });
  const counter = page.getByRole("listitem", { name: `Shot ${SHOTS}` }).getByText(/\d+ \/ 512/);
  const sentBefore = Number.parseInt((await counter.textContent()) ?? "", 10);
  await sixth.click();
  await page.keyboard.press("Control+End");
  const keys = 30;
  const typing = await sampleKeystrokes(page, keys);
  const typed = await sixth.evaluate((el) => (el.textContent ?? "").replaceAll("\u00a0", " "));
  const sentAfter = Number.parseInt((await counter.textContent()) ?? "", 10);
  const shots = await page.getByRole("textbox", { name: /^Shot \d$/ }).count();
  const chips = await page.getByRole("img", { name: /Image \d reference/ }).count();
  await page.close();
  const expectedBefore = shotText(SHOTS - 1).length + 1 + "<<<image_6>>>".length;
  return {
    samples: typing.samples,
    median: typing.median,
    p95: typing.p95,
    expected: {
      shots: SHOTS,
      chips: SHOTS,
      sentBefore: expectedBefore,
      sentAfter: expectedBefore + keys,
      tail: typing.typed,
    },
    found: {
      shots,
      chips,
      sentBefore,
      sentAfter,
      tail: typed.trimEnd().slice(-typing.typed.length),
    },
  };
}
