/**
 * The simulator in its own process for the pipeline benchmark, so its CPU is reported apart
 * from the studio's. Before it announces its base URL (first line on stdout) it renders and
 * probes the one MP4 every task will get a copy of (`reuseRender`), by running one warm-up
 * task to the end: no simulator ffmpeg runs while the studio is being measured. The warm-up
 * task is then dropped from the request log.
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

const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
const omni = `${sim.baseUrl}/kling/v1/videos/omni-video`;
// The benchmark's own settings, so the shared render is the video its tasks would get.
const created = await fetch(omni, {
  method: "POST",
  headers,
  body: JSON.stringify({
    model_name: "kling-video-o1",
    prompt: "Warm-up render",
    mode: "std",
    aspect_ratio: "16:9",
    duration: "5",
  }),
});
const taskId = ((await created.json()) as { data: { task_id: string } }).data.task_id;
for (let status = ""; status !== "succeed"; ) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const answer = (await (await fetch(`${omni}/${taskId}`, { headers })).json()) as {
    data: { task_status: string };
  };
  status = answer.data.task_status;
  if (status === "failed") throw new Error("the warm-up render failed");
}
await fetch(`${sim.baseUrl}/__sim/requests`, { method: "DELETE" });

process.stdout.write(`${sim.baseUrl}\n`);
process.on("SIGTERM", () => void sim.close().then(() => process.exit(0)));
