import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFfmpegPath } from "@/lib/media/ffmpeg-paths";
import type { TaskBody } from "../helpers/simulator-harness";
import { downloadAndProbe, type HttpSim, startHttpSim } from "../helpers/simulator-http";

let sim: HttpSim;
beforeAll(async () => {
  sim = await startHttpSim();
});
afterAll(() => sim.dispose());

async function finished(taskId: string): Promise<TaskBody["data"]> {
  for (;;) {
    const body = (await (
      await sim.get(`/kling/v1/videos/omni-video/${taskId}`)
    ).json()) as TaskBody;
    const status = body.data.task_status;
    if (status === "succeed" || status === "failed") return body.data;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The brightness of the frame at `seconds`, to see the cut between two shots. Not execFileSync:
 * a blocked event loop keeps fetch from dropping a keep-alive socket the simulator has closed
 * meanwhile, and the next test's create then fails with ECONNRESET (seen on a loaded machine).
 */
async function frameAt(file: string, seconds: number): Promise<Buffer> {
  const { stdout } = await promisify(execFile)(
    resolveFfmpegPath(),
    [
      ...["-v", "error", "-ss", String(seconds), "-i", file],
      ...["-frames:v", "1", "-vf", "scale=32:18", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
    ],
    { encoding: "buffer" },
  );
  return stdout;
}

/** The mean colour of the frame's bottom-right corner at `seconds` (away from the caption). */
async function cornerColor(file: string, seconds: number): Promise<number[]> {
  const { stdout } = await promisify(execFile)(
    resolveFfmpegPath(),
    [
      ...["-v", "error", "-ss", String(seconds), "-i", file, "-frames:v", "1"],
      ...["-vf", "crop=iw/5:ih/5:iw*4/5:ih*4/5,scale=1:1:flags=area"],
      ...["-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
    ],
    { encoding: "buffer" },
  );
  return [...stdout.subarray(0, 3)];
}

describe("simulator: Kling 3.0 Omni", () => {
  it("renders a 10 s storyboard with a cut per shot and one audio stream when sound is on", async () => {
    const taskId = await sim.createTask({
      model_name: "kling-v3-omni",
      mode: "std",
      aspect_ratio: "16:9",
      duration: "10",
      sound: "on",
      multi_shot: true,
      shot_type: "customize",
      multi_prompt: [
        { index: 1, prompt: "A fox wakes", duration: "4" },
        { index: 2, prompt: "Rain falls", duration: "3" },
        { index: 3, prompt: "The fox runs", duration: "3" },
      ],
    });
    const data = await finished(taskId);
    expect(data.task_status).toBe("succeed");
    const url = data.task_result.videos?.[0]?.url ?? "";
    const probe = await downloadAndProbe(url);
    expect(Math.abs(probe.durationSeconds - 10)).toBeLessThanOrEqual(0.3);
    expect(probe.audioStreams).toBe(1);

    const dir = mkdtempSync(path.join(tmpdir(), "omni-v3-"));
    try {
      const file = path.join(dir, "out.mp4");
      writeFileSync(file, Buffer.from(await (await fetch(url)).arrayBuffer()));
      // Across a cut the picture changes more than within a shot.
      const diff = (a: Buffer, b: Buffer) =>
        a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] ?? 0)), 0);
      const within = diff(await frameAt(file, 3.5), await frameAt(file, 3.9));
      const across = diff(await frameAt(file, 3.9), await frameAt(file, 4.1));
      expect(across).toBeGreaterThan(within * 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("shows in each shot the picture that shot's prompt names", async () => {
    const picture = (name: string) =>
      readFileSync(path.resolve("tests/fixtures", name)).toString("base64");
    const taskId = await sim.createTask({
      model_name: "kling-v3-omni",
      mode: "std",
      aspect_ratio: "16:9",
      duration: "6",
      multi_shot: true,
      shot_type: "customize",
      multi_prompt: [
        { index: 1, prompt: "Plain sky", duration: "2" },
        { index: 2, prompt: "<<<image_2>>> glows", duration: "2" },
        { index: 3, prompt: "<<<image_1>>> waits", duration: "2" },
      ],
      image_list: [
        { image_url: picture("ref-blue.png") },
        { image_url: picture("ref-orange.jpg") },
      ],
    });
    const data = await finished(taskId);
    expect(data.task_status).toBe("succeed");
    const dir = mkdtempSync(path.join(tmpdir(), "omni-v3-"));
    try {
      const file = path.join(dir, "out.mp4");
      writeFileSync(
        file,
        Buffer.from(await (await fetch(data.task_result.videos?.[0]?.url ?? "")).arrayBuffer()),
      );
      const [r2 = 0, , b2 = 0] = await cornerColor(file, 3);
      const [r3 = 0, , b3 = 0] = await cornerColor(file, 5);
      // Shot 2 names the orange picture, shot 3 the blue one.
      expect(r2).toBeGreaterThan(b2 + 40);
      expect(b3).toBeGreaterThan(r3 + 40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("renders 15 s without sound as a silent video", async () => {
    const taskId = await sim.createTask({
      model_name: "kling-v3-omni",
      prompt: "A long walk by the sea",
      mode: "std",
      aspect_ratio: "9:16",
      duration: "15",
      sound: "off",
    });
    const probe = await downloadAndProbe(
      (await finished(taskId)).task_result.videos?.[0]?.url ?? "",
    );
    expect(Math.abs(probe.durationSeconds - 15)).toBeLessThanOrEqual(0.3);
    expect(probe.audioStreams).toBe(0);
  }, 60_000);

  it.each([
    [
      "O1 with sound",
      { model_name: "kling-video-o1", prompt: "a", aspect_ratio: "16:9", sound: "off" },
    ],
    ["an unknown model", { model_name: "kling-v9", prompt: "a", aspect_ratio: "16:9" }],
    [
      "v3 at 16 s",
      { model_name: "kling-v3-omni", prompt: "a", aspect_ratio: "16:9", duration: "16" },
    ],
    [
      "shot_type without multi_shot",
      { model_name: "kling-v3-omni", prompt: "a", aspect_ratio: "16:9", shot_type: "intelligence" },
    ],
  ])("refuses %s with Kling's 1201", async (_name, body) => {
    const response = await sim.post("/kling/v1/videos/omni-video", body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: number }).code).toBe(1201);
  });
});
