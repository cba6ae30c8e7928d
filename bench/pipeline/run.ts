/**
 * Pipeline benchmark: N generations (default 500) through the standalone simulator with its
 * latency scaled down, once with callbacks and once with polling only, per run. Reports
 * provider requests per generation, the delay from the provider's success to the row being
 * stored, where that delay goes (per-stage timestamps), the studio's CPU (its process and
 * its ffmpeg children) with the simulator's CPU apart, and peak memory. Writes
 * bench/pipeline/results.json and the figures block of bench/pipeline/README.md.
 *
 *   npm run bench:pipeline [-- --count 200 --runs 3]
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  formatWithBiome,
  loadAverageNow,
  machineStamp,
  stampLine,
  writeFiguresBlock,
} from "../figures-block";
import { pipelineMarkdown } from "./report";
import { type RunResult, runOnce, SETTINGS } from "./run-once";

const { values } = parseArgs({
  options: { count: { type: "string", default: "500" }, runs: { type: "string", default: "1" } },
});
const count = Number(values.count);
const runs = Number(values.runs);
if (!(count > 0 && runs > 0)) throw new Error("--count and --runs must be positive numbers");

const loadBefore = loadAverageNow();
const results: (RunResult & { run: number })[] = [];
for (let run = 1; run <= runs; run++) {
  for (const callbacks of [true, false]) {
    const result = { run, ...(await runOnce(count, callbacks)) };
    results.push(result);
    process.stderr.write(
      `run ${run} (${callbacks ? "callbacks" : "polling"}): success → stored p50 ` +
        `${result.successToStoredMs.p50} ms, p95 ${result.successToStoredMs.p95} ms\n`,
    );
  }
}
const stamp = machineStamp();
const settings = { count, runs, ...SETTINGS };
const settingsLine =
  `${count} generations per run (std, 5 s, 16:9), ${runs} run(s) each with callbacks and ` +
  `polling only; simulator speed ${SETTINGS.simulatorSpeed} (its one render made before the ` +
  `clock starts), WORKER_MIN_POLL_MS ${SETTINGS.pollIntervalMs}, ` +
  `WORKER_MAX_IN_FLIGHT ${SETTINGS.maxInFlight}, WORKER_MAX_PROVIDER_REQUESTS ` +
  `${SETTINGS.maxProviderRequests}, ${SETTINGS.maxConcurrentChecks} concurrent checks.`;
const markdown = pipelineMarkdown(results, stampLine(stamp, loadBefore), settingsLine);
const resultsFile = path.join("bench", "pipeline", "results.json");
writeFileSync(
  resultsFile,
  `${JSON.stringify({ stamp, loadAverageBefore: loadBefore, settings, results }, null, 2)}\n`,
);
formatWithBiome(resultsFile);
writeFiguresBlock(path.join("bench", "pipeline", "README.md"), markdown);
process.stdout.write(`${markdown}\n`);
process.exit(0);
