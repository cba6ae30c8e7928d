import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSimulator, type Simulator } from "@/lib/simulator/create-simulator";
import type { SimulatorOptions } from "@/lib/simulator/types";

export const TEST_KEY = "sk-sim-test";
export const BASE = "http://sim.test/api/simulator";

export type Harness = {
  sim: Simulator;
  dataDir: string;
  /** Calls the simulator in-process (no socket), with the test key unless headers say else. */
  call(method: string, pathOrUrl: string, body?: unknown, headers?: HeadersInit): Promise<Response>;
  create(body: unknown): Promise<Response>;
  query(taskId: string): Promise<Response>;
  /** Polls until the task reaches `status` (or a terminal one), returning the answer's body. */
  waitFor(taskId: string, status: string, timeoutMs?: number): Promise<TaskBody>;
  cleanup(): Promise<void>;
};

export type TaskBody = {
  code: number;
  data: {
    task_id: string;
    task_status: string;
    task_status_msg: string;
    task_result: { videos?: { id: string; url: string; duration: string }[] };
    created_at: number;
    updated_at: number;
    task_info: { external_task_id?: string };
  };
};

/** A simulator on a fresh temp folder, fast and small by default. */
export function startHarness(
  overrides: Partial<SimulatorOptions> = {},
  dataDir = mkdtempSync(path.join(tmpdir(), "omni-sim-test-")),
): Harness {
  const sim = createSimulator({
    dataDir,
    key: TEST_KEY,
    speed: 0.02,
    urlTtlSeconds: 600,
    controlEnabled: true,
    publicBaseUrl: BASE,
    renderScale: 0.25,
    ...overrides,
  });
  const call: Harness["call"] = (method, pathOrUrl, body, headers) => {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${BASE}${pathOrUrl}`;
    const init: RequestInit = {
      method,
      headers: headers ?? {
        authorization: `Bearer ${TEST_KEY}`,
        "content-type": "application/json",
      },
    };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    return sim.handle(new Request(url, init));
  };
  const query = (taskId: string) => call("GET", `/kling/v1/videos/omni-video/${taskId}`);
  return {
    sim,
    dataDir,
    call,
    create: (body) => call("POST", "/kling/v1/videos/omni-video", body),
    query,
    async waitFor(taskId, status, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const answer = (await (await query(taskId)).json()) as TaskBody;
        const current = answer.data.task_status;
        if (current === status || current === "succeed" || current === "failed") return answer;
        if (Date.now() > deadline) throw new Error(`task ${taskId} still ${current}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async cleanup() {
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const TEXT_TO_VIDEO = {
  model_name: "kling-video-o1",
  prompt: "A paper boat on a rainy street",
  mode: "std",
  aspect_ratio: "16:9",
  duration: "5",
};
