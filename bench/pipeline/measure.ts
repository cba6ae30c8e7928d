/** Small statistics helpers for the pipeline benchmark. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Samples RSS every 50 ms; stop() returns the peak in MB. */
export function trackPeakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.round((Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) * 10) / 10;
    },
  };
}

/** The stages of one generation, in order, as the stage clock and the benchmark name them. */
export const STAGES = [
  { key: "submitted", label: "submitted (create answered)" },
  { key: "providerSucceeded", label: "provider success" },
  { key: "callback", label: "callback received" },
  { key: "claimed", label: "claimed by the worker" },
  { key: "queried", label: "success read (query)" },
  { key: "downloaded", label: "MP4 downloaded" },
  { key: "probed", label: "header read (mp4box, in process)" },
  { key: "released", label: "stored (row written)" },
  { key: "postered", label: "poster made (ffmpeg, after the row)" },
] as const;

export type StageRow = {
  stage: string;
  /** ms since the stage before it: p50, p95 */
  sincePrevious: [number, number];
  /** ms since the provider's success (stages after it only): p50, p95 */
  sinceProviderSuccess: [number, number] | null;
  /** Generations that had both timestamps. */
  n: number;
};

/**
 * For each stage, the time since the previous stage (p50, p95) and since the provider's
 * success, over rows that have both; shows where the delay goes.
 */
export function stageSummary(
  rows: Record<string, number>[],
  order: readonly { key: string; label: string }[],
): StageRow[] {
  const summary: StageRow[] = [];
  const successAt = order.findIndex((stage) => stage.key === "providerSucceeded");
  for (let i = 1; i < order.length; i++) {
    const stage = order[i]?.key ?? "";
    const previous = order[i - 1]?.key ?? "";
    const step: number[] = [];
    const total: number[] = [];
    for (const row of rows) {
      const at = row[stage];
      const before = row[previous];
      const done = row.providerSucceeded;
      if (at === undefined || before === undefined || done === undefined) continue;
      step.push(at - before);
      total.push(at - done);
    }
    summary.push({
      stage: order[i]?.label ?? stage,
      sincePrevious: [percentile(step, 50), percentile(step, 95)],
      sinceProviderSuccess: i > successAt ? [percentile(total, 50), percentile(total, 95)] : null,
      n: step.length,
    });
  }
  return summary;
}
