/**
 * The simulator in its own process for the pipeline benchmark, so the worker's CPU and
 * memory figures are the worker's alone. Prints its base URL on the first line.
 */
import { startStandaloneSimulator } from "@/lib/simulator/serve-standalone";

const [dataDir = "", key = "", speed = "0.05"] = process.argv.slice(2);
const sim = await startStandaloneSimulator({
  port: 0,
  dataDir,
  key,
  speed: Number(speed),
  urlTtlSeconds: 3600,
  controlEnabled: true,
  renderScale: 0.25,
  reuseRender: true,
});
process.stdout.write(`${sim.baseUrl}\n`);
process.on("SIGTERM", () => void sim.close().then(() => process.exit(0)));
