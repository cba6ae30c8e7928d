import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Log } from "mp4box";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resolveFfmpegPath } from "@/lib/media/ffmpeg-paths";
import { probeVideo } from "@/lib/media/probe-video";
import { readMp4Header } from "@/lib/media/read-mp4-header";
import { refusalInEnglish } from "@/tests/helpers/say-english";

/**
 * The in-process MP4 header reader that saving a result uses instead of ffprobe: what it
 * reads must be what ffprobe reads (ffprobe is the reference, not a formula of ours), and
 * what ffprobe refuses it refuses or leaves to ffprobe (null).
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "omni-mp4-header-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ffmpeg(args: string[]): void {
  execFileSync(resolveFfmpegPath(), ["-v", "error", "-y", ...args]);
}

async function expectSameAsFfprobe(file: string) {
  const ours = await readMp4Header(file);
  const theirs = await probeVideo(file);
  expect(ours).not.toBeNull();
  expect(ours?.width).toBe(theirs.width);
  expect(ours?.height).toBe(theirs.height);
  expect(ours?.durationSeconds).toBeCloseTo(theirs.durationSeconds, 2);
  return ours;
}

describe("readMp4Header", () => {
  it("reads a faststart H.264 result as ffprobe does", async () => {
    const file = path.join(dir, "fast.mp4");
    ffmpeg([
      ...["-f", "lavfi", "-i", "testsrc2=s=640x360:r=24:d=3"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
      ...["-movflags", "+faststart", file],
    ]);
    expect(await expectSameAsFfprobe(file)).toMatchObject({ width: 640, height: 360 });
  });

  it("finds the header after the media data (no faststart) and with an audio track", async () => {
    const file = path.join(dir, "late-moov.mp4");
    ffmpeg([
      ...["-f", "lavfi", "-i", "testsrc2=s=1280x720:r=24:d=4"],
      ...["-f", "lavfi", "-i", "sine=d=4"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"],
      file,
    ]);
    const bytes = readFileSync(file);
    // The point of the case: the movie header really comes after more than one read's worth.
    expect(bytes.indexOf("moov")).toBeGreaterThan(bytes.indexOf("mdat"));
    expect(bytes.indexOf("moov")).toBeGreaterThan(1024 * 1024);
    await expectSameAsFfprobe(file);
  });

  it("swaps the frame for a quarter-turn display matrix, as ffprobe's rotation does", async () => {
    const file = path.join(dir, "turned.mp4");
    ffmpeg([
      ...["-f", "lavfi", "-i", "testsrc2=s=640x360:r=24:d=2"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-movflags", "+faststart", file],
    ]);
    const bytes = readFileSync(file);
    // tkhd (version 0): 4 bytes version/flags, 20 of times/id/duration, 16 reserved/layer/
    // group/volume, then the 3×3 matrix. A 90° turn: a = 0, b = 1, c = -1, d = 0.
    const matrix = bytes.indexOf("tkhd") + 4 + 4 + 20 + 16;
    bytes.writeInt32BE(0, matrix);
    bytes.writeInt32BE(0x10000, matrix + 4);
    bytes.writeInt32BE(-0x10000, matrix + 12);
    bytes.writeInt32BE(0, matrix + 16);
    writeFileSync(file, bytes);
    expect(await expectSameAsFfprobe(file)).toMatchObject({ width: 360, height: 640 });
  });

  it("refuses a still picture in an MP4 wrapper, as ffprobe's check does", async () => {
    const file = path.join(dir, "still.mov");
    ffmpeg([
      ...["-f", "lavfi", "-i", "testsrc2=s=320x240:r=1:d=2"],
      ...["-c:v", "mjpeg", "-f", "mov", file],
    ]);
    expect(await refusalInEnglish(probeVideo(file))).toMatch("not a readable video");
    expect(await refusalInEnglish(readMp4Header(file))).toMatch("not a readable video");
  });

  it("leaves bytes that are no MP4 to ffprobe, and ffprobe refuses them", async () => {
    const file = path.join(dir, "playlist.mp4");
    writeFileSync(file, "#EXTM3U\n#EXTINF:1,\nhttp://127.0.0.1:1/secret\n");
    expect(await readMp4Header(file)).toBeNull();
    expect(await refusalInEnglish(probeVideo(file))).toMatch("not a readable video");
  });

  it("does not print mp4box's complaint about box names outside ASCII, but its other errors", async () => {
    const file = path.join(dir, "tagged.mov");
    ffmpeg([
      ...["-f", "lavfi", "-i", "testsrc2=s=320x240:r=1:d=2"],
      ...["-c:v", "mjpeg", "-f", "mov", file],
    ]);
    // The point of the case: QuickTime metadata with a box named `©swr`.
    expect(readFileSync(file).includes(Buffer.from("\u00a9swr", "latin1"))).toBe(true);
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await refusalInEnglish(readMp4Header(file))).toMatch("not a readable video");
      expect(printed).not.toHaveBeenCalled();
      Log.error("BoxParser", "Box of type 'moov' has an invalid size 3");
      expect(printed).toHaveBeenCalledTimes(1);
    } finally {
      printed.mockRestore();
    }
  });

  it("refuses an empty file before reading it", async () => {
    const file = path.join(dir, "empty.mp4");
    writeFileSync(file, "");
    await expect(readMp4Header(file)).rejects.toThrow();
  });
});
