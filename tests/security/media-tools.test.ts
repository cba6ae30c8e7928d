import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { resetEnvForTests } from "@/lib/env";
import {
  resetMediaPathsForTests,
  resolveFfmpeg,
  resolveFfmpegPath,
  resolveFfprobe,
} from "@/lib/media/ffmpeg-paths";
import { makePoster } from "@/lib/media/make-poster";
import { resetMediaToolsForTests } from "@/lib/media/media-tools";
import { probeVideo } from "@/lib/media/probe-video";

/**
 * Which ffmpeg reads untrusted media (a maintained one before the 2018 npm build), that the
 * studio says which, and that a probe or a poster of a hostile file opens nothing but it.
 */
const saved = { ...process.env };
const bundledFfmpeg = path.resolve("node_modules/@ffmpeg-installer/linux-x64/ffmpeg");
const bundledFfprobe = path.resolve("node_modules/@ffprobe-installer/linux-x64/ffprobe");
let work: string;
let hits: string[];
let server: Server;
let port: number;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "omni-media-tools-"));
  hits = [];
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
beforeEach(() => {
  process.env = { ...saved };
  delete process.env.FFMPEG_PATH;
  delete process.env.FFPROBE_PATH;
  resetEnvForTests();
  resetMediaPathsForTests();
  resetMediaToolsForTests();
});
afterAll(() => {
  process.env = saved;
  resetEnvForTests();
  resetMediaPathsForTests();
  resetMediaToolsForTests();
  server.close();
  rmSync(work, { recursive: true, force: true });
});

function usePath(...dirs: string[]) {
  process.env.PATH = dirs.join(path.delimiter);
  resetEnvForTests();
  resetMediaPathsForTests();
}

describe("choosing ffmpeg", () => {
  it("prefers one on PATH (the system's) to the bundled build", () => {
    const bin = path.join(work, "bin");
    mkdirSync(bin, { recursive: true });
    // Stand-ins for a system install: the real binaries, under PATH.
    symlinkSync(bundledFfmpeg, path.join(bin, "ffmpeg"));
    symlinkSync(bundledFfprobe, path.join(bin, "ffprobe"));
    usePath(path.join(work, "empty"), bin);
    expect(resolveFfmpeg()).toEqual({ path: path.join(bin, "ffmpeg"), source: "system" });
    expect(resolveFfprobe()).toEqual({ path: path.join(bin, "ffprobe"), source: "system" });
  });

  it("skips node_modules/.bin and falls back to the bundled build only when PATH has none", () => {
    usePath(path.resolve("node_modules/.bin"), path.join(work, "empty"));
    expect(resolveFfmpeg()).toEqual({ path: bundledFfmpeg, source: "bundled" });
  });

  it("takes FFMPEG_PATH and FFPROBE_PATH first, and refuses ones that cannot run", () => {
    process.env.FFMPEG_PATH = bundledFfmpeg;
    process.env.FFPROBE_PATH = bundledFfprobe;
    usePath("/usr/bin");
    expect(resolveFfmpeg()).toEqual({ path: bundledFfmpeg, source: "configured" });
    expect(resolveFfprobe()).toEqual({ path: bundledFfprobe, source: "configured" });
    const notABinary = path.join(work, "not-ffmpeg.txt");
    writeFileSync(notABinary, "hello");
    process.env.FFMPEG_PATH = notABinary;
    usePath("/usr/bin");
    expect(() => resolveFfmpeg()).toThrow(/FFMPEG_PATH .* not an executable/);
  });
});

describe("/api/health", () => {
  it("names the ffmpeg and ffprobe in use and their versions to whoever may use the studio", async () => {
    delete process.env.STUDIO_PASSWORD;
    usePath(path.join(work, "empty"));
    const body = (await (await health(new Request("http://studio.test/api/health"))).json()) as {
      media: Record<string, { source: string; version: string; path: string }>;
    };
    expect(body.media.ffmpeg).toEqual({
      source: "bundled",
      path: bundledFfmpeg,
      version: expect.stringMatching(/^N-47683/),
    });
    expect(body.media.ffprobe?.source).toBe("bundled");
  });

  it("tells a stranger only that it is up when a password is set", async () => {
    process.env.STUDIO_PASSWORD = "pw";
    resetEnvForTests();
    const response = await health(new Request("http://studio.test/api/health"));
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe("reading untrusted media", () => {
  // A local file a playlist names: a real MPEG-TS clip whose access time is set in the past,
  // so any read of it moves the access time (relatime), and a URL on a recording server.
  let segment: string;
  beforeAll(() => {
    segment = path.join(work, "segment.ts");
    execFileSync(resolveFfmpegPath(), [
      ...["-v", "error", "-f", "lavfi", "-i", "color=c=green:s=320x240:d=1"],
      ...["-c:v", "mpeg2video", "-f", "mpegts", "-y", segment],
    ]);
  });
  const playlist = () =>
    [
      "#EXTM3U",
      "#EXT-X-TARGETDURATION:1",
      "#EXTINF:1.0,",
      `file://${segment}`,
      "#EXTINF:1.0,",
      `http://127.0.0.1:${port}/segment.ts`,
      "#EXT-X-ENDLIST",
      "",
    ].join("\n");

  it.each([
    ["the system ffmpeg", () => usePath("/usr/bin", "/bin")],
    ["the bundled ffmpeg", () => usePath(path.join(work, "empty"))],
  ])("a probe or a poster of an HLS playlist opens nothing (%s)", async (_n, pick) => {
    pick();
    hits.length = 0;
    utimesSync(segment, new Date(Date.now() - 3_600_000), statSync(segment).mtime);
    const accessed = statSync(segment).atimeMs;
    // Saved under a name without an extension, as the simulator kept base64 inputs.
    const file = path.join(work, "reference-image");
    writeFileSync(file, playlist());
    await expect(probeVideo(file)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(makePoster(file, path.join(work, "poster.jpg"), 1)).rejects.toBeDefined();
    expect(hits).toEqual([]);
    expect(statSync(segment).atimeMs).toBe(accessed);
  });

  it("never hands ffprobe a URL", async () => {
    hits.length = 0;
    await expect(probeVideo(`http://127.0.0.1:${port}/video.mp4`)).rejects.toBeDefined();
    expect(hits).toEqual([]);
  });

  it("refuses a file over the size cap before starting ffprobe", async () => {
    const file = path.join(work, "real.mp4");
    execFileSync(resolveFfmpegPath(), [
      ...["-v", "error", "-f", "lavfi", "-i", "testsrc2=s=320x240:d=1"],
      ...["-c:v", "libx264", "-pix_fmt", "yuv420p", "-y", file],
    ]);
    await expect(probeVideo(file)).resolves.toMatchObject({ width: 320, height: 240 });
    await expect(probeVideo(file, { maxBytes: 100 })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });
});
