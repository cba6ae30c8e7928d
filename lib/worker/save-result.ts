import "server-only";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { probeVideo } from "@/lib/media/probe-video";
import { readMp4Header } from "@/lib/media/read-mp4-header";
import { downloadMp4ToMedia, isExpiredLinkError } from "@/lib/storage/download-to-file";
import {
  MEDIA_FOLDERS,
  resolveMediaPath,
  resultVideoRelativePath,
} from "@/lib/storage/media-store";
import { withMediaSlot } from "./media-gate";
import { markStage } from "./stage-clock";

export type SavedResult = {
  videoPath: string;
  /** Always null here: the poster follows once the row says succeeded (add-poster.ts). */
  posterPath: null;
  videoBytes: number;
  videoSha256: string;
  width: number;
  height: number;
  durationSeconds: number;
};

/**
 * Copies the provider's MP4 into MEDIA_DIR and reads its header: all a playable result
 * needs. The path depends only on the generation id, so running this twice (a crash
 * between the copy and the row update) overwrites the same file instead of leaving a
 * second copy behind.
 */
export async function saveResult(generationId: string, providerUrl: string): Promise<SavedResult> {
  const videoPath = resultVideoRelativePath(generationId);
  await removeLeftoversOf(generationId);
  const downloaded = await downloadWithRetry(providerUrl, videoPath);
  markStage(generationId, "downloaded");
  // The header is read in this process (no ffprobe to start or wait for); ffprobe is
  // asked only when mp4box cannot answer, and decides then as it always has.
  const probe =
    (await readMp4Header(downloaded.absolutePath)) ??
    (await withMediaSlot(() => probeVideo(downloaded.absolutePath)));
  markStage(generationId, "probed");
  return {
    videoPath,
    posterPath: null,
    videoBytes: downloaded.bytes,
    videoSha256: downloaded.sha256,
    width: probe.width,
    height: probe.height,
    durationSeconds: probe.durationSeconds,
  };
}

/** Attempts inside one check; the worker's own backoff covers longer trouble across checks. */
const QUICK_ATTEMPTS = 2;

/**
 * A reset or a cut-off body is often gone a moment later, so try once more at once. An
 * expired, removed or refused link (403/404/410) is not retried here: the caller asks the
 * provider for a fresh one instead.
 */
async function downloadWithRetry(url: string, relativePath: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await downloadMp4ToMedia(url, relativePath);
    } catch (error) {
      if (attempt >= QUICK_ATTEMPTS || isExpiredLinkError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/**
 * Temp files a killed process left mid-write for this generation (`<id>.mp4.<rand>.partial`,
 * `.<id>.<rand>.tmp.jpg`). Only the lease holder writes them, so whatever is there is stale.
 * Each folder is a full directory read, so a caller names only the folders it writes to.
 */
export async function removeLeftoversOf(
  generationId: string,
  folders: readonly string[] = [MEDIA_FOLDERS.results, MEDIA_FOLDERS.posters],
): Promise<void> {
  for (const folder of folders) {
    const dir = path.dirname(resolveMediaPath(`${folder}/x`));
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const stale =
        (name.startsWith(`${generationId}.mp4.`) && name.endsWith(".partial")) ||
        (name.startsWith(`.${generationId}.`) && name.includes(".tmp"));
      if (stale) await rm(path.join(dir, name), { force: true });
    }
  }
}
