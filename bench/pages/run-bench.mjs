// Page budgets (issue 5, rechecked by issue 15): Lighthouse 12.8.2 (desktop preset) and the
// first-load JavaScript, gzipped, of the gallery, a detail page, the composer and a share
// page, against the production build (`npm run build` first). Starts the studio in demo mode
// on BENCH_PORT (default 3400) with a throw-away data folder holding BENCH_PAGE_ROWS (36)
// seeded generations with a real clip and poster and one share link; runs Lighthouse
// BENCH_LH_RUNS (3) times a page and keeps the run with the median performance score; writes
// the figures block of bench/pages/README.md, and stops everything it started.
//   npm run build && npm run bench:pages
import path from "node:path";
import { startBenchStudio } from "../bench-studio.mjs";
import {
  loadAverageNow,
  machineStamp,
  markdownTable,
  stampLine,
  writeFiguresBlock,
} from "../figures-block.ts";
import { measureFirstLoadJs } from "../first-load-js.mjs";
import { medianRun, runLighthouse } from "./lighthouse.ts";
import { seedPages } from "./seed-pages.ts";

const rows = Number(process.env.BENCH_PAGE_ROWS ?? 36);
const lighthouseRuns = Number(process.env.BENCH_LH_RUNS ?? 3);
/** Budgets: Lighthouse scores (at least) and first-load JS in gzipped bytes (under). */
const BUDGETS = {
  gallery: { performance: 95, accessibility: 95, js: 150 * 1024 },
  composer: { js: 250 * 1024 },
  share: { performance: 95, accessibility: 95, js: 120 * 1024 },
};

const loadBefore = loadAverageNow();
let seeded;
// Demo mode (no provider key, no password); no sync worker, so nothing runs beside the pages measured.
for (const name of ["COMETAPI_KEY", "COMETAPI_BASE_URL", "STUDIO_PASSWORD"])
  delete process.env[name];
const { base, stop } = await startBenchStudio(Number(process.env.BENCH_PORT ?? 3400), "pages", {
  env: { WORKER_ENABLED: "0" },
  prepare: async (env) => {
    seeded = await seedPages(env, rows);
  },
});

try {
  const pages = [
    { key: "gallery", name: "Gallery", path: "/gallery" },
    { key: "detail", name: "Detail", path: `/generations/${seeded.generationId}` },
    { key: "composer", name: "Composer", path: "/" },
    { key: "share", name: "Share page", path: `/s/${seeded.shareId}` },
  ];
  for (const page of pages) {
    const response = await fetch(`${base}${page.path}`);
    if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
    page.js = await measureFirstLoadJs(`${base}${page.path}`);
    const runs = [];
    for (let i = 0; i < lighthouseRuns; i++) {
      runs.push(await runLighthouse(`${base}${page.path}`));
      console.info(`${page.path} run ${i + 1}: ${JSON.stringify(runs.at(-1).scores)}`);
    }
    page.lh = medianRun(runs);
    page.perfRange = runs.map((r) => r.scores.performance).sort((a, b) => a - b);
    // Every run's, not only the median's: a point lost now and then is a finding too.
    page.failing = runs.flatMap((r, i) => r.failing.map((audit) => `run ${i + 1}, ${audit}`));
  }
  const markdown = [
    stampLine(machineStamp(), loadBefore),
    `${rows} seeded generations (finished ones with a real 1280×720 poster and clip), one share link with the recipe shown; demo mode, sync worker off. Lighthouse 12.8.2, desktop preset, Debian's Chromium; ${lighthouseRuns} run(s) a page, the run with the median performance score shown (all performance scores in brackets). First-load JS: gzip -9 of the scripts the page's HTML has a modern browser fetch — \`<script src>\` but \`noModule\`, and script preloads (bench/first-load-js.mjs, shared with bench:composer and bench:storyboard).`,
    markdownTable([
      [
        "page",
        "performance",
        "accessibility",
        "best practices",
        "FCP / LCP ms",
        "TBT ms",
        "CLS",
        "first-load JS gz",
      ],
      ...pages.map((p) => [
        `${p.name} (\`${p.key === "gallery" || p.key === "composer" ? p.path : p.path.replace(/\/[^/]+$/, "/…")}\`)`,
        `${p.lh.scores.performance} (${p.perfRange.join(", ")})`,
        p.lh.scores.accessibility,
        p.lh.scores["best-practices"],
        `${Math.round(p.lh.metrics.fcp)} / ${Math.round(p.lh.metrics.lcp)}`,
        Math.round(p.lh.metrics.tbt),
        p.lh.metrics.cls.toFixed(3),
        `${kb(p.js.gzip)} (${p.js.scripts} files)`,
      ]),
    ]),
    markdownTable([["budget", "measured", "met"], ...budgetRows(pages)]),
    lowAudits(pages),
  ].join("\n\n");
  process.stdout.write(`\n${markdown}\n`);
  writeFiguresBlock(path.join("bench", "pages", "README.md"), markdown);
} finally {
  await stop();
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function budgetRows(pages) {
  const out = [];
  for (const [key, budget] of Object.entries(BUDGETS)) {
    const page = pages.find((p) => p.key === key);
    for (const category of ["performance", "accessibility"]) {
      if (budget[category] === undefined) continue;
      const score = page.lh.scores[category];
      const met = score >= budget[category];
      out.push([
        `${page.name}: ${category} ≥ ${budget[category]}`,
        score,
        met ? "met" : "**not met**",
      ]);
    }
    const met = page.js.gzip < budget.js;
    out.push([
      `${page.name}: first-load JS < ${kb(budget.js)}`,
      `${kb(page.js.gzip)} (${page.js.gzip} bytes)`,
      met ? "met" : "**not met**",
    ]);
  }
  return out;
}

/** Scored audits under 90 in any run: where the points went. */
function lowAudits(pages) {
  const lines = pages
    .filter((p) => p.failing.length > 0)
    .map((p) => `- ${p.name}: ${p.failing.join("; ")}`);
  return lines.length > 0
    ? `Audits scoring under 90 (any run):\n\n${lines.join("\n")}`
    : "No scored audit under 90 in any run.";
}
