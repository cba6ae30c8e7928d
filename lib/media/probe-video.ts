import "server-only";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { resolveFfprobePath } from "./ffmpeg-paths";
import { runProcess } from "./run-process";
import { assertMediaInputSize, MAX_FRAME_SIDE, untrustedInputArgs } from "./untrusted-input";

export type VideoProbe = {
  width: number;
  height: number;
  durationSeconds: number;
  fps: number;
  codec: string;
  formatName: string;
  bytes: number;
  /** How many audio streams the file carries (Kling 3.0 Omni with sound: one). */
  audioStreams: number;
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

/**
 * Reads an MP4 or MOV's basics. Only a local file (never a URL: a fetch belongs to code
 * that can refuse redirects and private addresses), read with the `mov` demuxer forced and
 * the `file` protocol alone, within a size cap and a time limit.
 */
export async function probeVideo(
  filePath: string,
  options: { timeoutMs?: number; maxBytes?: number } = {},
): Promise<VideoProbe> {
  const bytes = await assertMediaInputSize(filePath, options.maxBytes);
  const data = await runFfprobe(filePath, options.timeoutMs ?? 20_000);
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
    throw new AppError("invalid_input", localMessage("failureDetails.videoUnreadable"));
  }
  if (video.width > MAX_FRAME_SIDE || video.height > MAX_FRAME_SIDE) {
    throw new AppError(
      "invalid_input",
      localMessage("failureDetails.videoFrameTooLarge", { max: MAX_FRAME_SIDE }),
    );
  }
  const quarterTurn = Math.abs(rotationOf(video)) % 180 === 90;
  return {
    width: quarterTurn ? video.height : video.width,
    height: quarterTurn ? video.width : video.height,
    durationSeconds,
    fps: parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate) ?? 0,
    codec: video.codec_name ?? "unknown",
    formatName,
    bytes,
    audioStreams: data.streams?.filter((stream) => stream.codec_type === "audio").length ?? 0,
  };
}

async function runFfprobe(filePath: string, timeoutMs: number): Promise<FfprobeOutput> {
  const args = [
    "-v",
    "error",
    ...untrustedInputArgs(filePath, "mov"),
    "-print_format",
    "json",
    "-show_format",
    "-show_streams",
  ];
  let stdout: string;
  try {
    ({ stdout } = await runProcess(resolveFfprobePath(), args, { timeoutMs }));
  } catch (error) {
    throw new AppError("invalid_input", localMessage("failureDetails.videoUnreadable"), {
      cause: error,
    });
  }
  try {
    return JSON.parse(stdout) as FfprobeOutput;
  } catch (error) {
    throw new AppError("invalid_input", localMessage("failureDetails.videoUnreadable"), {
      cause: error,
    });
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
