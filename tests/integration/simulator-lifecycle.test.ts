import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFfmpegPath } from "@/lib/media/ffmpeg-paths";
import { type TaskBody, TEXT_TO_VIDEO } from "../helpers/simulator-harness";
import {
  downloadAndProbe,
  type HttpSim,
  startCallbackReceiver,
  startHttpSim,
} from "../helpers/simulator-http";

let sim: HttpSim;
beforeAll(async () => {
  sim = await startHttpSim();
});
afterAll(() => sim.dispose());

/** A real 640×480 PNG, sent as bare base64 the way the contract prefers. */
function pngBase64(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "omni-png-"));
  try {
    const file = path.join(dir, "ref.png");
    execFileSync(resolveFfmpegPath(), [
      "-v",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc=s=640x480",
      "-frames:v",
      "1",
      file,
    ]);
    return readFileSync(file).toString("base64");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("simulator task lifecycle", () => {
  it("goes submitted → processing → succeed and serves a real H.264 MP4", async () => {
    const taskId = await sim.createTask({ ...TEXT_TO_VIDEO, external_task_id: "gen_life" });
    const seen: string[] = [];
    let last: TaskBody | undefined;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      last = (await (await sim.get(`/kling/v1/videos/omni-video/${taskId}`)).json()) as TaskBody;
      const status = last.data.task_status;
      if (seen.at(-1) !== status) seen.push(status);
      if (status === "succeed" || status === "failed") break;
      if (status !== "succeed") expect(last.data.task_result).toEqual({});
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // A poll can miss the short "submitted" phase on a busy machine; the order must hold.
    const order = ["submitted", "processing", "succeed"];
    expect(seen).toEqual(order.filter((status) => seen.includes(status)));
    expect(seen.slice(-2)).toEqual(["processing", "succeed"]);
    const data = last?.data;
    expect(data?.task_info).toEqual({ external_task_id: "gen_life" });
    expect(data?.task_status_msg).toBe("");
    // Submitted 40 ms + processing 160 ms at speed 0.02, or longer if the render was slower.
    expect((data?.updated_at ?? 0) - (data?.created_at ?? 0)).toBeGreaterThanOrEqual(200);
    const video = data?.task_result.videos?.[0];
    expect(video).toEqual({ id: expect.any(String), url: expect.any(String), duration: "5" });
    expect(video?.url.startsWith(`${sim.baseUrl}/files/${taskId}.mp4?expires=`)).toBe(true);
    const probe = await downloadAndProbe(video?.url ?? "");
    expect(probe.codec).toBe("h264");
    expect(probe.fps).toBe(24);
    expect(probe.width / probe.height).toBeCloseTo(16 / 9, 2);
    expect(Math.abs(probe.durationSeconds - 5)).toBeLessThanOrEqual(0.3);
  });

  it.each([
    [
      "9:16",
      { prompt: "Tall city at dusk", mode: "std", aspect_ratio: "9:16", duration: "10" },
      9 / 16,
      10,
    ],
    [
      "1:1 with a reference image",
      {
        prompt: "Style of <<<image_1>>>",
        aspect_ratio: "1:1",
        duration: "3",
        image_list: [{ image_url: "PNG" }],
      },
      1,
      3,
    ],
    [
      "a first frame (frame from the image)",
      {
        prompt: "Move <<<image_1>>>",
        duration: "5",
        image_list: [{ image_url: "PNG", type: "first_frame" }],
      },
      16 / 9,
      5,
    ],
  ])("renders %s with the requested frame and length", async (_name, body, ratio, seconds) => {
    const png = pngBase64();
    const withImages = JSON.parse(JSON.stringify(body).replaceAll('"PNG"', JSON.stringify(png)));
    const taskId = await sim.createTask(withImages);
    const answer = await sim.waitFor(taskId, "succeed");
    expect(answer.data.task_status).toBe("succeed");
    const video = answer.data.task_result.videos?.[0];
    expect(Number(video?.duration)).toBeCloseTo(seconds, 0);
    const probe = await downloadAndProbe(video?.url ?? "");
    expect(probe.codec).toBe("h264");
    expect(probe.width / probe.height).toBeCloseTo(ratio, 1);
    expect(Math.abs(probe.durationSeconds - seconds)).toBeLessThanOrEqual(0.3);
  });

  it("ends a prompt with the moderation marker as failed, even without control", async () => {
    const quiet = await startHttpSim({ controlEnabled: false });
    try {
      const taskId = await quiet.createTask({
        ...TEXT_TO_VIDEO,
        prompt: "Nope [simulate:moderation]",
      });
      const answer = await quiet.waitFor(taskId, "failed");
      expect(answer.data.task_status).toBe("failed");
      expect(answer.data.task_status_msg).toBe("Failure to pass the risk control system");
      expect(answer.data.task_result).toEqual({});
    } finally {
      await quiet.dispose();
    }
  });

  it("answers in the older wrapper shape (§3.3) when configured", async () => {
    const taskId = await sim.createTask(TEXT_TO_VIDEO);
    await sim.waitFor(taskId, "succeed");
    await sim.post("/__sim/config", { queryShape: "wrapper" });
    try {
      const answer = (await (await sim.get(`/kling/v1/videos/omni-video/${taskId}`)).json()) as {
        code: string;
        data: { task_id: string; status: string; progress: string; data: TaskBody["data"] };
      };
      expect(answer.code).toBe("success");
      expect(answer.data.task_id).toBe(taskId);
      expect(answer.data.status).toBe("SUCCESS");
      expect(answer.data.progress).toBe("100%");
      expect(answer.data.data.task_status).toBe("succeed");
      expect(answer.data.data.task_result.videos?.[0]?.url).toContain(`/files/${taskId}.mp4`);
    } finally {
      await sim.post("/__sim/config", { queryShape: "kling" });
    }
  });

  it("posts the bare task object (§5) to callback_url on each status change", async () => {
    const receiver = await startCallbackReceiver();
    try {
      const taskId = await sim.createTask({ ...TEXT_TO_VIDEO, callback_url: receiver.url });
      // No polling: the simulator's own timers must drive the callbacks.
      const deadline = Date.now() + 15_000;
      while (receiver.bodies.length < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const statuses = receiver.bodies.map((body) => (body as { task_status: string }).task_status);
      expect(statuses).toEqual(["processing", "succeed"]);
      const last = receiver.bodies[1] as TaskBody["data"] & { code?: unknown };
      expect(last.code).toBeUndefined();
      expect(last.task_id).toBe(taskId);
      expect(last.task_result.videos?.[0]?.url).toContain(`/files/${taskId}.mp4`);
    } finally {
      await receiver.close();
    }
  });

  it("survives a callback receiver that does not exist", async () => {
    const taskId = await sim.createTask({
      ...TEXT_TO_VIDEO,
      callback_url: `http://127.0.0.1:9/api/callbacks/kling/${"g".repeat(32)}`,
    });
    expect((await sim.waitFor(taskId, "succeed")).data.task_status).toBe("succeed");
  });
});

describe("simulator result URLs", () => {
  it("expire after urlTtlSeconds", async () => {
    const short = await startHttpSim({ urlTtlSeconds: 1 });
    try {
      const taskId = await short.createTask(TEXT_TO_VIDEO);
      const url = (await short.waitFor(taskId, "succeed")).data.task_result.videos?.[0]?.url ?? "";
      expect((await fetch(url)).status).toBe(200);
      const expires = Number(new URL(url).searchParams.get("expires"));
      await new Promise((resolve) => setTimeout(resolve, expires * 1000 - Date.now() + 50));
      const expired = await fetch(url);
      expect(expired.status).toBe(404);
      expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(
        /expired/,
      );
      // A later query hands out a fresh link.
      const fresh =
        (await short.waitFor(taskId, "succeed")).data.task_result.videos?.[0]?.url ?? "";
      expect((await fetch(fresh)).status).toBe(200);
    } finally {
      await short.dispose();
    }
  });

  it("refuses a URL whose expiry was tampered with", async () => {
    const taskId = await sim.createTask(TEXT_TO_VIDEO);
    const url = new URL(
      (await sim.waitFor(taskId, "succeed")).data.task_result.videos?.[0]?.url ?? "",
    );
    url.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
    expect((await fetch(url)).status).toBe(403);
  });
});
