/**
 * The CometAPI simulator as its own server: `npm run simulator -- --port 4010 --key k`, then
 * point the studio at it with COMETAPI_BASE_URL=http://127.0.0.1:4010 and COMETAPI_KEY=k.
 * The key is `--key`, else SIMULATOR_KEY, else a random one printed at start. The npm
 * script runs tsx with `--conditions=react-server`, which makes `import "server-only"` a
 * no-op outside Next (as React's server layer does).
 */
import { parseArgs } from "node:util";
import { getEnv } from "@/lib/env";
import { startStandaloneSimulator } from "@/lib/simulator/serve-standalone";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    "data-dir": { type: "string" },
    key: { type: "string" },
    speed: { type: "string" },
    ttl: { type: "string" },
    control: { type: "boolean" },
    "query-shape": { type: "string", default: "kling" },
    "render-scale": { type: "string", default: "1" },
    "callback-base": { type: "string" },
  },
});

const env = getEnv();
const queryShape = values["query-shape"];
if (queryShape !== "kling" && queryShape !== "wrapper") {
  throw new Error("--query-shape must be kling or wrapper");
}
const running = await startStandaloneSimulator({
  port: Number(values.port),
  host: values.host,
  dataDir: values["data-dir"] ?? env.simulator.dataDir,
  key: values.key ?? env.simulator.key,
  speed: Number(values.speed ?? env.simulator.speed),
  urlTtlSeconds: Number(values.ttl ?? env.simulator.urlTtlSeconds),
  controlEnabled: values.control ?? env.simulator.controlEnabled,
  queryShape,
  renderScale: Number(values["render-scale"]),
  ...(values["callback-base"] ? { callbackBaseUrl: values["callback-base"] } : {}),
});
console.info(`CometAPI simulator listening on ${running.baseUrl}`);
if (!values.key && !env.simulator.keyGiven) {
  // Nobody chose a key, so the one this process made up must be told to whoever runs it.
  console.info(`key (set COMETAPI_KEY to it): ${env.simulator.key}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    running.close().finally(() => process.exit(0));
  });
}
