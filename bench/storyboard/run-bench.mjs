// Storyboard benchmark: typing latency in the sixth shot of a full Kling 3.0 Omni storyboard,
// and the composer page's first-load JavaScript, gzipped. Needs a production build; starts
// `npm run start` on BENCH_PORT (default 3195) in demo mode with a throw-away data dir. Fails,
// writing no figures, unless the sixth shot really holds what was typed; else writes the
// figures block of bench/storyboard/README.md.
//   npm run build && npm run bench:storyboard
import path from "node:path";
import { launchBenchChromium, startBenchStudio } from "../bench-studio.mjs";
import { loadAverageNow, machineStamp, stampLine, writeFiguresBlock } from "../figures-block.ts";
import { measureFirstLoadJs } from "../first-load-js.mjs";
import { measureShotTyping } from "./measure-shot-typing.mjs";

const loadBefore = loadAverageNow();
const { base, stop } = await startBenchStudio(Number(process.env.BENCH_PORT ?? 3195), "storyboard");

try {
  const browser = await launchBenchChromium();
  const { gzip, scripts } = await measureFirstLoadJs(`${base}/`);
  const firstLoad = { bytes: gzip, files: scripts };
  const typing = await measureShotTyping(browser, base);
  await browser.close();
  checkTypingWasDone(typing);
  const lines = [
    `Typing in the sixth shot of a full storyboard (6 shots of about 465 characters, one chip each), ${typing.samples} keystrokes (keydown → next frame): ` +
      `median **${typing.median.toFixed(2)} ms**, p95 ${typing.p95.toFixed(2)} ms (target: median < 16 ms). ` +
      `Checked: ${typing.found.shots} shots, ${typing.found.chips} chips, the sixth shot's counter ${typing.found.sentBefore} → ${typing.found.sentAfter}, the typed text at its end.`,
    `First-load JS of \`/\` (gzipped, bench/first-load-js.mjs: the HTML's scripts but noModule, and script preloads): **${(firstLoad.bytes / 1024).toFixed(1)} KB** in ${firstLoad.files} files (target < 250 KB).`,
  ];
  const markdown = [stampLine(machineStamp(), loadBefore), ...lines].join("\n\n");
  process.stdout.write(`\n${markdown}\n${JSON.stringify({ typing, firstLoad })}\n`);
  writeFiguresBlock(path.join("bench", "storyboard", "README.md"), markdown);
} finally {
  await stop();
}

function checkTypingWasDone(typing) {
  const { expected, found } = typing;
  const problems = [];
  for (const key of ["shots", "chips", "sentBefore", "sentAfter", "tail"]) {
    if (found[key] !== expected[key]) {
      problems.push(
        `${key}: expected ${JSON.stringify(expected[key])}, found ${JSON.stringify(found[key])}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `The storyboard benchmark did not do what it measures:\n- ${problems.join("\n- ")}`,
    );
  }
}
