import path from "node:path";
import { sampleKeystrokes } from "../bench-studio.mjs";

/**
 * Fills the composer with 7 uploaded images and a 2500-character prompt holding their 7
 * chips, then types real keystrokes at the end, and reads back what the editor holds (chips,
 * the composer's own character count, the typed text) so the caller can check the work was
 * really done. Each sample runs from the keydown (a
 * performance mark in a capturing listener) to the first frame painted after it
 * (requestAnimationFrame, then a task so the frame's work is done).
 */
export async function measureTyping(browser, base) {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const box = page.getByRole("textbox", { name: "Prompt" });
  await box.waitFor();
  const fixture = path.resolve("tests/fixtures/ref-blue.png");
  await page.getByTestId("image-input").setInputFiles(Array.from({ length: 7 }, () => fixture));
  // Files are measured before they become references: wait for all 7 cards, then uploads.
  await page
    .getByRole("list", { name: "Images" })
    .getByRole("listitem")
    .nth(6)
    .waitFor({ timeout: 30_000 });
  await page.getByRole("progressbar").first().waitFor({ state: "detached", timeout: 30_000 });
  const chunk = (i) => `${"A slow dolly shot through fog, ".repeat(10)}<<<image_${i + 1}>>> `;
  const body = Array.from({ length: 7 }, (_, i) => chunk(i)).join("");
  // 2450 characters as sent (tokens included), leaving room for the 50 typed ones.
  const text = `${"Opening scene. ".repeat(20)}`.slice(0, 2450 - body.length) + body;
  await box.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Backspace");
  await box.evaluate((el, t) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    el.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, text);
  const chips = await page.getByRole("img", { name: /Image \d reference/ }).count();
  const sentBefore = await sentLength(page);
  await page.keyboard.press("Control+End");
  const keys = 50;
  const typing = await sampleKeystrokes(page, keys);
  // What the editor holds now, read back from the page (not assumed from what was sent).
  const typed = await box.evaluate((el) => (el.textContent ?? "").replaceAll("\u00a0", " "));
  const sentAfter = await sentLength(page);
  const chipsAfter = await page.getByRole("img", { name: /Image \d reference/ }).count();
  await page.close();
  return {
    samples: typing.samples,
    median: typing.median,
    p95: typing.p95,
    expected: {
      chips: 7,
      sentBefore: text.length,
      sentAfter: text.length + keys,
      tail: typing.typed,
    },
    found: {
      chips,
      chipsAfter,
      sentBefore,
      sentAfter,
      tail: typed.trimEnd().slice(-typing.typed.length),
    },
  };
}

/** The composer's own count of characters as sent (tokens counted): "2450 / 2500". */
async function sentLength(page) {
  const help = (await page.locator("#prompt-help").textContent()) ?? "";
  const match = /(\d+) \/ \d+/.exec(help);
  if (!match) throw new Error(`no character count in the prompt help: "${help}"`);
  return Number(match[1]);
}
