import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resolveFfmpegPath } from "@/lib/media/ffmpeg-paths";
import { type Harness, startHarness, TEXT_TO_VIDEO } from "../helpers/simulator-harness";
import { startCallbackReceiver } from "../helpers/simulator-http";

/**
 * What the simulator fetches, decodes and posts on a provider request's say-so. A request
 * carries URLs, base64 "images" and a callback URL; none of them may make this server reach
 * an address it did not choose (a redirect to 0.0.0.0), read a local file (an HLS playlist
 * decoded as a picture), or post anywhere but the studio's callback route.
 */
let work: string;
let harness: Harness;
let target: { server: Server; hits: string[]; port: number };
let redirector: { server: Server; hits: string[]; port: number };

async function listen(
  host: string,
  answer: (url: string, res: import("node:http").ServerResponse) => void,
) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    answer(req.url ?? "", res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, hits, port: (server.address() as AddressInfo).port };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "omni-sim-fetch-"));
  // The place nobody may reach: listening on every interface, reached as 0.0.0.0.
  target = await listen("0.0.0.0", (_url, res) => res.writeHead(200).end("secret"));
  redirector = await listen("127.0.0.1", (url, res) =>
    res.writeHead(302, { location: `http://0.0.0.0:${target.port}/secret${url}` }).end(),
  );
});
afterAll(() => {
  target.server.close();
  redirector.server.close();
  rmSync(work, { recursive: true, force: true });
});
afterEach(async () => {
  await harness?.cleanup();
  target.hits.length = 0;
  redirector.hits.length = 0;
});

async function createAndSettle(body: unknown): Promise<{ status: number; taskStatus?: string }> {
  const response = await harness.create(body);
  if (response.status !== 200) return { status: response.status };
  const taskId = ((await response.json()) as { data: { task_id: string } }).data.task_id;
  const done = await harness.waitFor(taskId, "succeed", 20_000);
  return { status: 200, taskStatus: done.data.task_status };
}

describe("simulator fetches", () => {
  it("follows no redirect from a reference picture's URL to 0.0.0.0", async () => {
    harness = startHarness();
    const result = await createAndSettle({
      ...TEXT_TO_VIDEO,
      prompt: "A fox <<<image_1>>>",
      image_list: [{ image_url: `http://127.0.0.1:${redirector.port}/picture.png` }],
    });
    expect(result).toEqual({ status: 200, taskStatus: "succeed" });
    expect(redirector.hits.length).toBeGreaterThan(0); // it did try the URL it was given
    expect(target.hits).toEqual([]);
  });

  it("follows no redirect from a base video's URL to 0.0.0.0 (ffprobe never gets a URL)", async () => {
    harness = startHarness();
    const { aspect_ratio: _drop, ...rest } = TEXT_TO_VIDEO;
    const result = await createAndSettle({
      ...rest,
      prompt: "Edit <<<video_1>>>",
      video_list: [
        { video_url: `http://127.0.0.1:${redirector.port}/base.mp4`, refer_type: "base" },
      ],
    });
    expect(result).toEqual({ status: 200, taskStatus: "succeed" });
    expect(redirector.hits.length).toBeGreaterThan(0);
    expect(target.hits).toEqual([]);
  });

  it("never decodes an HLS playlist sent as a base64 picture (no URL, no local file)", async () => {
    // A local file the playlist names: a real MPEG-TS clip, its access time set in the past
    // so that any read of it moves the access time (relatime).
    const segment = path.join(work, "segment.ts");
    execFileSync(resolveFfmpegPath(), [
      ...["-v", "error", "-f", "lavfi", "-i", "color=c=green:s=320x240:d=1"],
      ...["-c:v", "mpeg2video", "-f", "mpegts", "-y", segment],
    ]);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(segment, old, statSync(segment).mtime);
    const accessedBefore = statSync(segment).atimeMs;
    const playlist = [
      "#EXTM3U",
      "#EXT-X-VERSION:3",
      "#EXT-X-TARGETDURATION:1",
      "#EXT-X-MEDIA-SEQUENCE:0",
      "#EXTINF:1.0,",
      `http://127.0.0.1:${target.port}/from-playlist.ts`,
      "#EXTINF:1.0,",
      `file://${segment}`,
      "#EXT-X-ENDLIST",
      "",
    ].join("\n");
    harness = startHarness();
    const result = await createAndSettle({
      ...TEXT_TO_VIDEO,
      prompt: "A fox <<<image_1>>>",
      image_list: [{ image_url: Buffer.from(playlist).toString("base64") }],
    });
    // Refusing the request outright would do too; accepted, it renders without the "picture".
    if (result.status === 200) expect(result.taskStatus).toBe("succeed");
    else expect(result.status).toBe(400);
    expect(target.hits).toEqual([]);
    expect(statSync(segment).atimeMs).toBe(accessedBefore);
  });
});

describe("simulator callbacks", () => {
  it("posts only to the studio's callback route, and follows no redirect from it", async () => {
    const receiver = await startCallbackReceiver();
    const bounce = await listen("127.0.0.1", (_url, res) =>
      res.writeHead(307, { location: `http://0.0.0.0:${target.port}/bounced` }).end(),
    );
    try {
      harness = startHarness();
      const elsewhere = await createAndSettle({
        ...TEXT_TO_VIDEO,
        callback_url: `${receiver.origin}/anything/else`,
      });
      const redirected = await createAndSettle({
        ...TEXT_TO_VIDEO,
        callback_url: `http://127.0.0.1:${bounce.port}/api/callbacks/kling/${"b".repeat(32)}`,
      });
      const proper = await createAndSettle({ ...TEXT_TO_VIDEO, callback_url: receiver.url });
      for (const result of [elsewhere, redirected, proper])
        expect(result.taskStatus).toBe("succeed");
      // Callbacks are best effort and asynchronous: give the last ones a moment to land.
      const deadline = Date.now() + 5000;
      while (receiver.bodies.length < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(receiver.paths.every((p) => p === new URL(receiver.url).pathname)).toBe(true);
      expect(receiver.bodies.length).toBeGreaterThanOrEqual(2);
      expect(bounce.hits.length).toBeGreaterThan(0);
      expect(target.hits).toEqual([]);
    } finally {
      await receiver.close();
      bounce.server.close();
    }
  });

  it("takes callbacks to the configured studio origin only", async () => {
    const receiver = await startCallbackReceiver();
    try {
      harness = startHarness({ callbackBaseUrl: "https://studio.example" });
      const result = await createAndSettle({ ...TEXT_TO_VIDEO, callback_url: receiver.url });
      expect(result.taskStatus).toBe("succeed");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receiver.bodies).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});

describe("simulator files", () => {
  it("removes a decoded input once its render is done", async () => {
    harness = startHarness();
    const png = execFileSync(resolveFfmpegPath(), [
      ...["-v", "error", "-f", "lavfi", "-i", "color=c=red:s=640x360", "-frames:v", "1"],
      ...["-f", "image2", "-c:v", "png", "pipe:1"],
    ]);
    const result = await createAndSettle({
      ...TEXT_TO_VIDEO,
      prompt: "A fox <<<image_1>>>",
      image_list: [{ image_url: png.toString("base64") }],
    });
    expect(result.taskStatus).toBe("succeed");
    const inputs = path.join(harness.dataDir, "inputs");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readdirSync(inputs)).toEqual([]);
  });

  it("deletes tasks and their videos once they are past retention", async () => {
    // A retention longer than the test, so only the sweep below (run as if a minute later)
    // can remove anything: the task must not vanish while it is being waited for.
    harness = startHarness({ retentionMs: 60_000 });
    const response = await harness.create(TEXT_TO_VIDEO);
    const taskId = ((await response.json()) as { data: { task_id: string } }).data.task_id;
    await harness.waitFor(taskId, "succeed");
    const videos = path.join(harness.dataDir, "videos");
    expect(readdirSync(videos)).toContain(`${taskId}.mp4`);
    expect(await harness.sim.sweep(Date.now() + 1000)).toBe(0);
    expect(await harness.sim.sweep(Date.now() + 61_000)).toBe(1);
    expect(readdirSync(videos)).toEqual([]);
    expect((await harness.query(taskId)).status).toBe(404);
  });
});
