/**
 * One Lighthouse 12.8.2 run (desktop preset) through `npx`, outside the lockfile: 12.8.2 is
 * the last release for Node 20, and its dependencies declare two packages as `latest`, which
 * would break `npm ci` (/work/shared/TOOLCHAIN.md). Debian's Chromium, with the flags these
 * machines need so it does not flood the closed network.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { endProcessGroup } from "../process-group";

export const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
export type Category = (typeof CATEGORIES)[number];

export type LighthouseRun = {
  scores: Record<Category, number>;
  /** The metrics behind the performance score, in ms (CLS unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
  /** Audits below 0.9 that weigh in a category, to say why a score is low. */
  failing: string[];
};

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

type Report = {
  categories: Record<Category, { score: number; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    {
      score: number | null;
      numericValue?: number;
      title: string;
      details?: { items?: { issueType?: string; description?: string }[] };
    }
  >;
  runtimeError?: { message: string };
};

export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const dir = mkdtempSync(path.join(tmpdir(), "omni-bench-lh-"));
  const out = path.join(dir, "report.json");
  const chrome = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  // Its own process group, so whatever is left of it (npx, node, Chromium) can be ended.
  const child = spawn(
    "npx",
    [
      "-y",
      "lighthouse@12.8.2",
      url,
      "--preset=desktop",
      `--only-categories=${CATEGORIES.join(",")}`,
      "--output=json",
      `--output-path=${out}`,
      "--quiet",
      `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    ],
    {
      env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", resolve);
    });
    if (code !== 0) throw new Error(`lighthouse exited ${code} on ${url}:\n${stderr.slice(-2000)}`);
    return readReport(JSON.parse(readFileSync(out, "utf8")) as Report, url);
  } finally {
    if (child.pid) await endProcessGroup(child.pid);
    rmSync(dir, { recursive: true, force: true });
  }
}

function readReport(report: Report, url: string): LighthouseRun {
  if (report.runtimeError) throw new Error(`lighthouse on ${url}: ${report.runtimeError.message}`);
  const scores = {} as Record<Category, number>;
  const failing: string[] = [];
  for (const category of CATEGORIES) {
    const { score, auditRefs } = report.categories[category];
    scores[category] = Math.round(score * 100);
    for (const ref of auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) {
        // The Issues-panel audit names the kinds of issue it saw, the console audit the
        // errors themselves: say which.
        const items = audit.details?.items ?? [];
        const kinds = [
          ...new Set(items.flatMap((i) => i.issueType ?? i.description?.slice(0, 160) ?? [])),
        ];
        const which = kinds.length > 0 ? `: ${kinds.join(", ")}` : "";
        failing.push(`${category}: ${audit.title}${which} (${Math.round(audit.score * 100)})`);
      }
    }
  }
  const metric = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    scores,
    metrics: {
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
      si: metric("speed-index"),
    },
    failing,
  };
}

/** The run with the median performance score, as Lighthouse's own docs advise for noisy runs. */
export function medianRun(runs: LighthouseRun[]): LighthouseRun {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error("no Lighthouse run to take a median of");
  return median;
}
