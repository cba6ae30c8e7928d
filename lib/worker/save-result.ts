import "server-only";
import { makePoster } from "@/lib/media/make-poster";
import { probeVideo } from "@/lib/media/probe-video";
import { downloadMp4ToMedia } from "@/lib/storage/download-to-file";
import {
  posterRelativePath,
  resolveMediaPath,
  resultVideoRelativePath,
} from "@/lib/storage/media-store";

export type SavedResult = {
  videoPath: string;
  posterPath: string;
  videoBytes: number;
  videoSha256: string;
  width: number;
  height: number;
  durationSeconds: number;
};

/**
 * Copies the provider's MP4 into MEDIA_DIR and makes its poster. The paths depend only on
 * the generation id, so running this twice (a crash between the copy and the row update)
 * overwrites the same files instead of leaving a second copy behind.
 */
export async function saveResult(generationId: string, providerUrl: string): Promise<SavedResult> {
  const videoPath = resultVideoRelativePath(generationId);
  const posterPath = posterRelativePath(generationId);
  const downloaded = await downloadMp4ToMedia(providerUrl, videoPath);
  const probe = await probeVideo(downloaded.absolutePath);
  await makePoster(downloaded.absolutePath, resolveMediaPath(posterPath));
  return {
    videoPath,
    posterPath,
    videoBytes: downloaded.bytes,
    videoSha256: downloaded.sha256,
    width: probe.width,
    height: probe.height,
    durationSeconds: probe.durationSeconds,
  };
}
