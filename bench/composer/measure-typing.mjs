import path from "node:path";

/**
 * Fills the composer with 7 uploaded images and a 2500-character prompt holding their 7
 * chips, then types real keystrokes at the end. Each sample runs from the keydown (a
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
  await page.keyboard.press("Control+End");
  await page.evaluate(() => {
    window.__samples = [];
    document.addEventListener(
      "keydown",
      () => {
        performance.mark("key");
        const t0 = performance.now();
        requestAnimationFrame(() =>
          setTimeout(() => window.__samples.push(performance.now() - t0), 0),
        );
      },
      { capture: true },
    );
  });
  const keys = 50;
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 10 === 9 ? "Space" : "KeyA");
    await page.waitForTimeout(30);
  }
  await page.waitForFunction((n) => window.__samples.length >= n, keys);
  const samples = (await page.evaluate(() => window.__samples)).sort((a, b) => a - b);
  const length = await box.evaluate((el) => el.textContent?.length ?? 0);
  await page.close();
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { samples: samples.length, chips, visibleChars: length, median: at(0.5), p95: at(0.95) };
}
