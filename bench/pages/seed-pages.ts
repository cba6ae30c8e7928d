/**
 * The studio bench:pages measures: a gallery of a few dozen generations (scripts/seed-gallery.ts)
 * whose finished rows all point at one real H.264 clip and its real JPEG poster, and one share
 * link to the newest finished one. Runs in the benchmark's process before the server starts,
 * against the database and media folder the server will be given.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

export type SeededPages = { generationId: string; shareId: string; rows: number };

const CLIP = "results/bench-pages.mp4";
const POSTER = "posters/bench-pages.jpg";

export async function seedPages(env: NodeJS.ProcessEnv, count: number): Promise<SeededPages> {
  // lib/env reads process.env once, so the server's settings go there before it loads.
  for (const key of ["DATABASE_URL", "MEDIA_DIR", "WORKER_ENABLED"] as const) {
    process.env[key] = env[key];
  }
  const { getEnv } = await import("../../lib/env");
  const { resolveFfmpegPath } = await import("../../lib/media/ffmpeg-paths");
  const { seedGallery } = await import("../../scripts/seed-gallery");
  const { createShare } = await import("../../lib/shares/share-repository");
  const { getDb, disconnectDb } = await import("../../lib/db/client");

  const { mediaDir, database } = getEnv();
  makeClip(resolveFfmpegPath(), mediaDir);
  const rows = await seedGallery(database, { count, posterPath: POSTER, videoPath: CLIP });
  try {
    const newest = await getDb().generation.findFirst({
      where: { status: "succeeded" },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (!newest) throw new Error("the seeded gallery has no finished generation to share");
    const share = await createShare({ generationId: newest.id, showRecipe: true });
    return { generationId: newest.id, shareId: share.id, rows };
  } finally {
    await disconnectDb();
  }
}

/** A 5-second 1280×720 clip (what a 16:9 result is) and a poster frame taken from it. */
function makeClip(ffmpeg: string, mediaDir: string): void {
  const video = path.join(mediaDir, CLIP);
  const poster = path.join(mediaDir, POSTER);
  mkdirSync(path.dirname(video), { recursive: true });
  mkdirSync(path.dirname(poster), { recursive: true });
  const quiet = ["-v", "error", "-y"];
  execFileSync(ffmpeg, [
    ...quiet,
    ...["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=24", "-t", "5"],
    ...["-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "veryfast"],
    ...["-movflags", "+faststart", video],
  ]);
  execFileSync(ffmpeg, [...quiet, "-ss", "1", "-i", video, "-frames:v", "1", poster]);
}
