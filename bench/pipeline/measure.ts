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

/**
 * For each stage, the time since the previous stage (p50, p95) and since the provider's
 * success, over rows that have both; shows where the delay goes.
 */
export function stageSummary(rows: Record<string, number>[], order: string[]) {
  const summary: Record<string, { sincePrevious: string; sinceProviderDone: string }> = {};
  for (let i = 1; i < order.length; i++) {
    const stage = order[i] ?? "";
    const previous = order[i - 1] ?? "";
    const step: number[] = [];
    const total: number[] = [];
    for (const row of rows) {
      const at = row[stage];
      const before = row[previous];
      const done = row.providerDone;
      if (at === undefined || before === undefined || done === undefined) continue;
      step.push(at - before);
      total.push(at - done);
    }
    summary[stage] = {
      sincePrevious: `p50 ${percentile(step, 50)} / p95 ${percentile(step, 95)}`,
      sinceProviderDone: `p50 ${percentile(total, 50)} / p95 ${percentile(total, 95)}`,
    };
  }
  return summary;
}
