import "server-only";
import { copyFile, mkdtemp, open, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeFileAtomically } from "./atomic-output";
import { resolveFfmpegPath, resolveFontPath } from "./ffmpeg-paths";
import { readImageHeader } from "./image-header";
import { runProcess } from "./run-process";
import { MAX_FRAME_SIDE, untrustedInputArgs } from "./untrusted-input";
import { wrapText } from "./wrap-text";

export type RenderTextVideoOptions = {
  outPath: string;
  text: string;
  width: number;
  height: number;
  durationSeconds: number;
  /** Pictures to pan across; only the first is used. A bad one falls back to the gradient. */
  images?: string[];
  timeoutMs?: number;
};

const FPS = 24;

/**
 * Renders a real H.264 MP4 (yuv420p, +faststart, 24 fps) showing `text` over a moving
 * background. ffmpeg runs inside a scratch folder holding `font.ttf` and `text.txt`, so the
 * filter string names no outside path and nothing in it needs escaping; the text is read
 * with `textfile=` and `expansion=none`, so quotes, colons, `%`, backslashes and newlines
 * in a prompt are drawn literally.
 */
export async function renderTextVideo(options: RenderTextVideoOptions): Promise<{
  usedImage: boolean;
}> {
  const width = even(options.width);
  const height = even(options.height);
  const duration = Math.max(0.5, options.durationSeconds);
  const workDir = await mkdtemp(path.join(tmpdir(), "omni-render-"));
  try {
    await linkFont(path.join(workDir, "font.ttf"));
    await writeFile(path.join(workDir, "text.txt"), layoutText(options.text, width, height));
    const drawText = drawTextFilter(width, height);
    const image = options.images?.[0];
    let usedImage = false;
    await writeFileAtomically(options.outPath, async (tempPath) => {
      const run = (input: string[], filter: string) =>
        runProcess(resolveFfmpegPath(), [...input, ...encodeArgs(filter, duration, tempPath)], {
          cwd: workDir,
          timeoutMs: options.timeoutMs ?? 120_000,
        });
      const still = image ? await normalizeStill(image, workDir, width, height) : undefined;
      if (still) {
        try {
          await run(imageInput(still, duration), imageFilter(width, height, duration, drawText));
          usedImage = true;
          return;
        } catch {
          // An odd picture must not cost the whole video: use the gradient.
        }
      }
      await run(gradientInput(width, height, duration), gradientFilter(width, height, drawText));
    });
    return { usedImage };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function layoutText(text: string, width: number, height: number): string {
  const size = fontSize(width, height);
  const lines = wrapText(text, (width * 0.84) / (size * 0.56), (height * 0.8) / (size * 1.35));
  // drawtext refuses an empty text file.
  return lines.length > 0 ? lines.join("\n") : " ";
}

function fontSize(width: number, height: number): number {
  return Math.max(10, Math.round(Math.min(width, height) / 18));
}

function drawTextFilter(width: number, height: number): string {
  const size = fontSize(width, height);
  return [
    "drawtext=fontfile=font.ttf:textfile=text.txt:expansion=none",
    `fontsize=${size}:fontcolor=white:line_spacing=${Math.round(size * 0.3)}`,
    `box=1:boxcolor=black@0.5:boxborderw=${Math.round(size * 0.6)}`,
    "x=(w-text_w)/2:y=(h-text_h)/2",
  ].join(":");
}

function gradientInput(width: number, height: number, duration: number): string[] {
  // A tiny moving test pattern scaled up smoothly reads as a drifting colour gradient, at
  // a fraction of the cost of computing one per pixel.
  const small = `${Math.max(2, Math.round(width / 80))}x${Math.max(2, Math.round(height / 80))}`;
  return ["-f", "lavfi", "-i", `testsrc2=s=${small}:r=${FPS}:d=${duration}`];
}

function gradientFilter(width: number, height: number, drawText: string): string {
  return `[0:v]scale=${width}:${height}:flags=bicubic,hue=s=0.7:H=0.5*t,${drawText},format=yuv420p[v]`;
}

/**
 * Decodes the picture once into a PNG about the output's size. A looped input that cannot
 * be decoded makes ffmpeg retry forever, while this one-frame decode fails at once; it
 * also spares the looped render from scaling a large photo 24 times a second. The picture
 * may come from anyone (a provider request's base64), so it must be a whole PNG or JPEG of
 * sane size by its header, and is decoded with that demuxer forced (see untrusted-input.ts).
 */
async function normalizeStill(
  image: string,
  workDir: string,
  width: number,
  height: number,
): Promise<string | undefined> {
  const header = readImageHeader(await readHead(image, MAX_STILL_BYTES));
  if (!header || header.width > MAX_FRAME_SIDE || header.height > MAX_FRAME_SIDE) return undefined;
  if (header.width * header.height > MAX_STILL_PIXELS) return undefined;
  const out = path.join(workDir, "background.png");
  const fit = `scale=${even(width * 1.15)}:${even(height * 1.15)}:force_original_aspect_ratio=increase`;
  try {
    await runProcess(
      resolveFfmpegPath(),
      [
        ...["-y", "-v", "error", "-xerror"],
        ...untrustedInputArgs(path.resolve(image), header.demuxer),
        ...["-frames:v", "1", "-vf", fit, out],
      ],
      { timeoutMs: 15_000 },
    );
    return out;
  } catch {
    return undefined;
  }
}

const MAX_STILL_BYTES = 10 * 1024 * 1024;
const MAX_STILL_PIXELS = 40_000_000;

/** The whole file when it is within `maxBytes`, else nothing (a too-big picture is not used). */
async function readHead(filePath: string, maxBytes: number): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(filePath, "r");
    const size = (await handle.stat()).size;
    if (size > maxBytes) return new Uint8Array(0);
    const buffer = Buffer.alloc(size);
    await handle.read(buffer, 0, size, 0);
    return buffer;
  } catch {
    return new Uint8Array(0);
  } finally {
    await handle?.close();
  }
}

/** Our own PNG from normalizeStill, looped; still read as one picture and nothing else. */
function imageInput(image: string, duration: number): string[] {
  return [
    ...["-loop", "1", "-framerate", String(FPS), "-t", String(duration)],
    ...untrustedInputArgs(image, "image2"),
  ];
}

function imageFilter(width: number, height: number, duration: number, drawText: string): string {
  const bigW = even(width * 1.15);
  const bigH = even(height * 1.15);
  return [
    `[0:v]scale=${bigW}:${bigH}:force_original_aspect_ratio=increase`,
    `crop=${width}:${height}:x=(iw-ow)*t/${duration}:y=(ih-oh)/2`,
    `${drawText},format=yuv420p[v]`,
  ].join(",");
}

function encodeArgs(filter: string, duration: number, outPath: string): string[] {
  return [
    "-y",
    "-v",
    "error",
    "-filter_complex",
    filter,
    "-map",
    "[v]",
    "-t",
    String(duration),
    "-r",
    String(FPS),
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    "-movflags",
    "+faststart",
    "-an",
    "-f",
    "mp4",
    outPath,
  ];
}

async function linkFont(target: string): Promise<void> {
  try {
    await symlink(resolveFontPath(), target);
  } catch {
    await copyFile(resolveFontPath(), target);
  }
}

function even(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}
