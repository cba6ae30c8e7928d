import "server-only";
import { stat } from "node:fs/promises";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { writeFileAtomically } from "./atomic-output";
import { resolveFfmpegPath } from "./ffmpeg-paths";
import { probeVideo } from "./probe-video";
import { runProcess } from "./run-process";
import { assertMediaInputSize, untrustedInputArgs } from "./untrusted-input";

/**
 * Writes a JPEG frame about 1 s in (the middle for clips under 2 s), since the very first
 * frame of generated videos is often black or a fade. Callers that probed the video already
 * pass its duration, which saves launching ffprobe a second time.
 */
export async function makePoster(
  videoPath: string,
  posterPath: string,
  knownDurationSeconds?: number,
): Promise<void> {
  await assertMediaInputSize(videoPath);
  const durationSeconds = knownDurationSeconds ?? (await probeVideo(videoPath)).durationSeconds;
  const seek = durationSeconds >= 2 ? 1 : durationSeconds / 2;
  await writeFileAtomically(posterPath, async (tempPath) => {
    await grabFrame(videoPath, tempPath, seek);
    // A seek past the last decodable frame writes nothing; the first frame is better than none.
    if ((await sizeOf(tempPath)) === 0) await grabFrame(videoPath, tempPath, 0);
    if ((await sizeOf(tempPath)) === 0) {
      throw new AppError("internal", localMessage("failureDetails.posterFailed"));
    }
  });
}

async function grabFrame(videoPath: string, outPath: string, seekSeconds: number): Promise<void> {
  // -ss before the input seeks in the demuxer; the input is read as MP4/MOV and nothing else.
  const args = ["-y", "-v", "error", "-ss", seekSeconds.toFixed(3)];
  args.push(...untrustedInputArgs(videoPath, "mov"));
  args.push("-frames:v", "1", "-q:v", "3", "-f", "image2", outPath);
  await runProcess(resolveFfmpegPath(), args, { timeoutMs: 30_000 });
}

async function sizeOf(filePath: string): Promise<number> {
  try {
    return (await stat(filePath)).size;
  } catch {
    return 0;
  }
}
