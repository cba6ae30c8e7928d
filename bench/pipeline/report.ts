import { markdownTable } from "../figures-block";
import type { RunResult } from "./run-once";

type Run = RunResult & { run: number };

const pair = (values: [number, number] | null) => (values ? `${values[0]} / ${values[1]}` : "—");
const cpu = (value: number | null) => (value === null ? "n/a" : value.toFixed(1));

/** The README's figures: one line per run, the spread of p95, and the stage tables. */
export function pipelineMarkdown(runs: Run[], stampLine: string, settingsLine: string): string {
  const headline = markdownTable([
    [
      "run",
      "callbacks",
      "stored",
      "requests/gen (median, max)",
      "success → stored p50 ms",
      "p95 ms",
      "studio CPU s (process + runner with its ffmpeg)",
      "simulator CPU s",
      "studio peak RSS MB",
      "wall s",
    ],
    ...runs.map((r) => [
      r.run,
      r.callbacks ? "yes" : "no",
      `${r.succeeded}/${r.generations}`,
      `${r.providerRequestsPerGeneration.median}, ${r.providerRequestsPerGeneration.max}`,
      r.successToStoredMs.p50,
      r.successToStoredMs.p95,
      `${cpu(r.studioCpuSeconds.self)} + ${cpu(r.studioCpuSeconds.children)}`,
      cpu(
        r.simulatorCpuSeconds.self === null
          ? null
          : r.simulatorCpuSeconds.self + (r.simulatorCpuSeconds.children ?? 0),
      ),
      r.peakRssMb,
      r.wallSeconds.toFixed(1),
    ]),
  ]);
  const sections = [stampLine, settingsLine, headline];
  for (const callbacks of [true, false]) {
    const mode = runs.filter((r) => r.callbacks === callbacks);
    if (mode.length === 0) continue;
    const p95s = mode.map((r) => r.successToStoredMs.p95);
    const spread = Math.round((Math.max(...p95s) / Math.min(...p95s) - 1) * 100);
    const under2s = p95s.filter((p95) => p95 < 2000).length;
    sections.push(
      `**${callbacks ? "With callbacks" : "Polling only"}**: success → stored p95 ` +
        `${p95s.join(", ")} ms; the highest is ${spread} % above the lowest; under 2 s in ` +
        `${under2s} of ${mode.length} run(s).`,
    );
    const stages = mode[0]?.stagesMs.map((row) => row.stage) ?? [];
    sections.push(
      markdownTable([
        [
          "stage (ms: since the stage before, p50 / p95 · since provider success, p50 / p95)",
          ...mode.map((r) => `run ${r.run}`),
        ],
        ...stages.map((stage) => [
          stage,
          ...mode.map((r) => {
            const row = r.stagesMs.find((s) => s.stage === stage);
            return row ? `${pair(row.sincePrevious)} · ${pair(row.sinceProviderSuccess)}` : "—";
          }),
        ]),
      ]),
    );
  }
  return sections.join("\n\n");
}
