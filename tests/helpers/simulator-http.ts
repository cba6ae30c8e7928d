import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { probeVideo, type VideoProbe } from "@/lib/media/probe-video";
import {
  type StandaloneOptions,
  type StandaloneSimulator,
  startStandaloneSimulator,
} from "@/lib/simulator/serve-standalone";
import type { TaskBody } from "./simulator-harness";

export const HTTP_KEY = "sk-sim-http-test";

export type HttpSim = StandaloneSimulator & {
  dataDir: string;
  post(pathname: string, body: unknown): Promise<Response>;
  get(pathname: string): Promise<Response>;
  createTask(body: unknown): Promise<string>;
  waitFor(taskId: string, status: string, timeoutMs?: number): Promise<TaskBody>;
  dispose(): Promise<void>;
};

/** A standalone simulator on a random port and a temp folder, rendering small frames. */
export async function startHttpSim(overrides: Partial<StandaloneOptions> = {}): Promise<HttpSim> {
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(tmpdir(), "omni-sim-http-"));
  const running = await startStandaloneSimulator({
    port: 0,
    dataDir,
    key: HTTP_KEY,
    speed: 0.02,
    urlTtlSeconds: 600,
    controlEnabled: true,
    renderScale: 0.25,
    ...overrides,
  });
  const headers = { authorization: `Bearer ${HTTP_KEY}`, "content-type": "application/json" };
  const post = (pathname: string, body: unknown) =>
    fetch(`${running.baseUrl}${pathname}`, { method: "POST", headers, body: JSON.stringify(body) });
  const get = (pathname: string) => fetch(`${running.baseUrl}${pathname}`, { headers });
  const sim: HttpSim = {
    ...running,
    dataDir,
    post,
    get,
    async createTask(body) {
      const response = await post("/kling/v1/videos/omni-video", body);
      if (response.status !== 200) throw new Error(`create answered ${response.status}`);
      return ((await response.json()) as TaskBody).data.task_id;
    },
    async waitFor(taskId, status, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const answer = (await (
          await get(`/kling/v1/videos/omni-video/${taskId}`)
        ).json()) as TaskBody;
        const current = answer.data.task_status;
        if (current === status || current === "succeed" || current === "failed") return answer;
        if (Date.now() > deadline) throw new Error(`task ${taskId} still ${current}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return sim;
}

/** Downloads a result URL to a temp file and probes it. */
export async function downloadAndProbe(url: string): Promise<VideoProbe> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`download answered ${response.status}`);
  const dir = mkdtempSync(path.join(tmpdir(), "omni-dl-"));
  try {
    const file = path.join(dir, "out.mp4");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return await probeVideo(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A local HTTP receiver that records JSON POST bodies (for callback_url). Its URL has the
 * studio's callback route shape, the only one the simulator posts to.
 */
export async function startCallbackReceiver(): Promise<{
  url: string;
  /** The same receiver under a path that is not the studio's callback route. */
  origin: string;
  bodies: unknown[];
  paths: string[];
  close(): Promise<void>;
}> {
  const bodies: unknown[] = [];
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? "");
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
    });
    req.on("end", () => {
      try {
        bodies.push(JSON.parse(text));
      } catch {
        bodies.push(text);
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/callbacks/kling/${"k".repeat(32)}`,
    origin: `http://127.0.0.1:${port}`,
    bodies,
    paths,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
