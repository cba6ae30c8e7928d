import "server-only";
import { rm } from "node:fs/promises";
import {
  findPosterlessResults,
  type PosterlessResult,
  recordPoster,
} from "@/lib/generations/generation-poster-repository";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { logError } from "@/lib/log";
import { makePoster } from "@/lib/media/make-poster";
import { MEDIA_FOLDERS, posterRelativePath, resolveMediaPath } from "@/lib/storage/media-store";
import { withMediaSlot } from "./media-gate";
import { removeLeftoversOf } from "./save-result";
import { markStage } from "./stage-clock";

/**
 * Makes a stored result's poster after the row already says succeeded: the video plays
 * without it, so the one ffmpeg of a result no longer delays "done". The poster is written
 * to its file first and recorded second, so a row never names a poster that is not there;
 * a process that stops in between leaves a posterless row that the next start mends.
 * Never throws: without a poster the pages show the video's own first frame.
 */
export async function addPoster(result: PosterlessResult): Promise<void> {
  const posterPath = posterRelativePath(result.id);
  const absolutePath = resolveMediaPath(posterPath);
  try {
    // A process killed mid-poster left its temp file. (Should another instance's start-up
    // mend race this one, one of the two loses its temp file and logs; the other finishes.)
    // Only the posters folder: the video was stored, and its folder cleaned, before this.
    await removeLeftoversOf(result.id, [MEDIA_FOLDERS.posters]);
    // A few at a time finish sooner, one by one, than a burst of them sharing the cores.
    await withMediaSlot(() =>
      makePoster(
        resolveMediaPath(result.videoPath),
        absolutePath,
        result.durationSeconds ?? undefined,
      ),
    );
    markStage(result.id, "postered");
    if (await recordPoster(result.id, result.videoPath, posterPath)) return;
    // Deleted (or replaced) while the poster was made: do not leave its file behind.
    const row = await findGenerationRow(result.id);
    if (row?.posterPath !== posterPath) await rm(absolutePath, { force: true });
  } catch (error) {
    logError(`poster ${result.id}`, error);
  }
}

/** At a worker's start: posters a stopped process did not get to make, one at a time. */
export async function addMissingPosters(limit = 50): Promise<void> {
  for (const result of await findPosterlessResults(limit)) await addPoster(result);
}
