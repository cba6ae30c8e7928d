// Composer benchmark: typing latency in the chip editor (2500 characters, 7 chips) and the
// composer page's first-load JavaScript, gzipped. Needs a production build (`npm run build`);
// starts `next start` on BENCH_PORT (default 3390) in demo mode with a throw-away data dir.
// Fails, writing no figures, unless the editor really holds the 7 chips and the characters
// it claims to have typed; else writes the figures block of bench/composer/README.md.
//   npm run build && npm run bench:composer
import path from "node:path";
import { launchBenchChromium, startBenchStudio } from "../bench-studio.mjs";
import { loadAverageNow, machineStamp, stampLine, writeFiguresBlock } from "../figures-block.ts";
import { gzippedScript, measureFirstLoadJs } from "../first-load-js.mjs";
import { measureTyping } from "./measure-typing.mjs";

const loadBefore = loadAverageNow();
const { base, stop } = await startBenchStudio(Number(process.env.BENCH_PORT ?? 3390), "composer");

try {
  const browser = await launchBenchChromium();
  const size = await measureFirstLoad(browser);
  const typing = await measureTyping(browser, base);
  await browser.close();
  checkTypingWasDone(typing);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = [
    `Typing, 2500 characters as sent with 7 chips, ${typing.samples} keystrokes (keydown → next frame): ` +
      `median **${typing.median.toFixed(2)} ms**, p95 ${typing.p95.toFixed(2)} ms (target: median < 16 ms). ` +
      `Checked in the editor: ${typing.found.chipsAfter} chips, ${typing.found.sentAfter} characters as sent, the typed text at the end.`,
    `First-load JS of \`/\` (gzipped, bench/first-load-js.mjs: the HTML's scripts but noModule, and script preloads): **${kb(size.composerFirstLoad)}** in ${size.composerChunks} files (target < 250 KB).`,
    `Editor chunk(s) loaded after the page (gzipped): ${kb(size.editorLazy)} in ${size.editorChunks} file(s).`,
    `All JS fetched after the first-load scripts until the composer is ready (gzipped): ${kb(size.lazyTotal)} in ${size.lazyChunks} file(s); first load + this: ${kb(size.composerFirstLoad + size.lazyTotal)}.`,
    `Editor chunk(s) loaded on \`/gallery\`: ${size.editorOnGallery} (expected 0).`,
  ];
  const markdown = [stampLine(machineStamp(), loadBefore), ...lines].join("\n\n");
  process.stdout.write(`\n${markdown}\n${JSON.stringify({ typing, size })}\n`);
  writeFiguresBlock(path.join("bench", "composer", "README.md"), markdown);
} finally {
  await stop();
}

/** A latency figure for typing that did not happen (or not all of it) would be a lie. */
function checkTypingWasDone(typing) {
  const { expected, found } = typing;
  const problems = [];
  if (found.chips !== expected.chips || found.chipsAfter !== expected.chips) {
    problems.push(`${expected.chips} chips expected, found ${found.chips} / ${found.chipsAfter}`);
  }
  if (found.sentBefore !== expected.sentBefore) {
    problems.push(
      `${expected.sentBefore} characters expected after the paste, the composer counts ${found.sentBefore}`,
    );
  }
  if (found.sentAfter !== expected.sentAfter) {
    problems.push(
      `${expected.sentAfter} characters expected after typing, the composer counts ${found.sentAfter}`,
    );
  }
  if (found.tail !== expected.tail) {
    problems.push(`the editor should end with "${expected.tail}", it ends with "${found.tail}"`);
  }
  if (problems.length > 0) {
    throw new Error(
      `The composer benchmark did not do what it measures:\n- ${problems.join("\n- ")}`,
    );
  }
}

/** First-load JS of `/` (shared definition), then what the browser fetches after it; the later files with Lexical are the editor. */
async function measureFirstLoad(browser) {
  const loadedAfter = async (pathname) => {
    const page = await browser.newPage();
    const seen = new Set();
    page.on("response", (r) => r.url().endsWith(".js") && seen.add(r.url()));
    await page.goto(`${base}${pathname}`, { waitUntil: "networkidle" });
    if (pathname === "/") await page.getByRole("textbox", { name: "Prompt" }).waitFor();
    await page.close();
    return seen;
  };
  const composer = await measureFirstLoadJs(`${base}/`);
  let editorLazy = 0;
  let lazyTotal = 0;
  let lazyChunks = 0;
  const editorUrls = new Set();
  for (const url of await loadedAfter("/")) {
    if (composer.urls.has(url)) continue;
    const { gzip, text } = await gzippedScript(url);
    lazyTotal += gzip;
    lazyChunks += 1;
    if (/lexical/i.test(text)) {
      editorLazy += gzip;
      editorUrls.add(url);
    }
  }
  const gallery = await loadedAfter("/gallery");
  const galleryFirstLoad = (await measureFirstLoadJs(`${base}/gallery`)).urls;
  const editorOnGallery = [...new Set([...gallery, ...galleryFirstLoad])].filter((u) =>
    editorUrls.has(u),
  ).length;
  return {
    composerFirstLoad: composer.gzip,
    composerChunks: composer.scripts,
    editorLazy,
    editorChunks: editorUrls.size,
    lazyTotal,
    lazyChunks,
    editorOnGallery,
  };
}
