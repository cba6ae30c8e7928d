import "server-only";
import { stat } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { resolveFfprobePath } from "./ffmpeg-paths";
import { runProcess } from "./run-process";

export type VideoProbe = {
  width: number;
  height: number;
  durationSeconds: number;
  fps: number;
  codec: string;
  formatName: string;
  bytes: number;
};

type FfprobeStream = {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
};
type FfprobeOutput = {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; size?: string };
};

// ffprobe reads stills as one-frame "videos"; these formats and codecs are pictures.
const STILL_FORMATS = /(^|,)(image2|png_pipe|jpeg_pipe|webp_pipe|gif|bmp_pipe|tiff_pipe)(,|$)/;
const STILL_CODECS = new Set(["mjpeg", "png", "webp", "bmp", "tiff", "gif"]);

/** Reads a video's basics; `source` may be a file path or an http(s) URL ffprobe can fetch. */
export async function probeVideo(
  source: string,
  options: { timeoutMs?: number } = {},
): Promise<VideoProbe> {
  const data = await runFfprobe(source, options.timeoutMs ?? 20_000);
  const video = data.streams?.find((stream) => stream.codec_type === "video");
  const formatName = data.format?.format_name ?? "";
  const durationSeconds = Number(data.format?.duration ?? video?.duration ?? Number.NaN);
  if (
    !video?.width ||
    !video.height ||
    STILL_FORMATS.test(formatName) ||
    STILL_CODECS.has(video.codec_name ?? "") ||
    !Number.isFinite(durationSeconds) ||
    durationSeconds <= 0
  ) {
    throw new AppError("invalid_input", "The file is not a readable video.");
  }
  const quarterTurn = Math.abs(rotationOf(video)) % 180 === 90;
  return {
    width: quarterTurn ? video.height : video.width,
    height: quarterTurn ? video.width : video.height,
    durationSeconds,
    fps: parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate) ?? 0,
    codec: video.codec_name ?? "unknown",
    formatName,
    bytes: await byteSize(source, data.format?.size),
  };
}

/** Width and height of a picture (or the first frame of anything ffprobe can read). */
export async function probeImageSize(
  source: string,
  options: { timeoutMs?: number } = {},
): Promise<{ width: number; height: number }> {
  const data = await runFfprobe(source, options.timeoutMs ?? 10_000);
  const video = data.streams?.find((stream) => stream.codec_type === "video");
  if (!video?.width || !video.height) {
    throw new AppError("invalid_input", "The file is not a readable image.");
  }
  return { width: video.width, height: video.height };
}

async function runFfprobe(source: string, timeoutMs: number): Promise<FfprobeOutput> {
  const args = ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", source];
  let stdout: string;
  try {
    ({ stdout } = await runProcess(resolveFfprobePath(), args, { timeoutMs }));
  } catch (error) {
    throw new AppError("invalid_input", "The file is not a readable video.", { cause: error });
  }
  try {
    return JSON.parse(stdout) as FfprobeOutput;
  } catch (error) {
    throw new AppError("invalid_input", "The file is not a readable video.", { cause: error });
  }
}

function rotationOf(stream: FfprobeStream): number {
  const fromTag = Number(stream.tags?.rotate ?? 0);
  const fromSideData = stream.side_data_list?.find((item) => item.rotation !== undefined);
  return Number(fromSideData?.rotation ?? fromTag) || 0;
}

function parseRate(rate: string | undefined): number | undefined {
  if (!rate) return undefined;
  const [num, den] = rate.split("/").map(Number);
  if (!num || !den) return undefined;
  return num / den;
}

async function byteSize(source: string, reported: string | undefined): Promise<number> {
  if (/^https?:\/\//i.test(source)) return Number(reported ?? 0) || 0;
  return (await stat(source)).size;
}
