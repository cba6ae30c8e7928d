import "server-only";
import { getDb } from "@/lib/db/client";
import type { GenerationStatus } from "./status";

const SUCCEEDED: GenerationStatus = "succeeded";

export type PosterlessResult = { id: string; videoPath: string; durationSeconds: number | null };

/**
 * Stored results without a poster: a process that stopped between writing the row and
 * making the poster, or a poster that could not be made. Oldest first, a few at a time.
 */
export async function findPosterlessResults(limit: number): Promise<PosterlessResult[]> {
  const rows = await getDb().generation.findMany({
    where: { status: SUCCEEDED, videoPath: { not: null }, posterPath: null },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, videoPath: true, durationSeconds: true },
  });
  return rows.flatMap((row) => (row.videoPath ? [{ ...row, videoPath: row.videoPath }] : []));
}

/**
 * Points a stored result at its poster, only while the row still holds that very video and
 * no poster: the poster is never written to a deleted, retried or replaced generation.
 */
export async function recordPoster(
  id: string,
  videoPath: string,
  posterPath: string,
): Promise<boolean> {
  const result = await getDb().generation.updateMany({
    where: { id, status: SUCCEEDED, videoPath, posterPath: null },
    data: { posterPath },
  });
  return result.count === 1;
}
