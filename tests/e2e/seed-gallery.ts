import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import ffmpeg from "@ffmpeg-installer/ffmpeg";
import Database from "better-sqlite3";

/**
 * Generations written straight to the e2e server's database and media folder (the same
 * paths playwright.config.ts gives it), with real H.264 clips and posters in 16:9, 9:16 and
 * 1:1, so the gallery and detail pages show what a person would see after real runs.
 */
const dataDir = path.resolve("test-results/e2e-data");
// Clips outlive one server run (its data folder is wiped at start); rendering is ≈ 1 s each.
const clipDir = path.resolve("test-results/e2e-clips");

export type Aspect = "16:9" | "9:16" | "1:1";
const SIZES: Record<Aspect, [number, number]> = {
  "16:9": [640, 360],
  "9:16": [360, 640],
  "1:1": [480, 480],
};

function clip(aspect: Aspect): { video: string; poster: string; width: number; height: number } {
  const [width, height] = SIZES[aspect];
  const name = `${width}x${height}`;
  const video = path.join(clipDir, `${name}.mp4`);
  const poster = path.join(clipDir, `${name}.jpg`);
  if (!existsSync(poster)) {
    mkdirSync(clipDir, { recursive: true });
    const quiet = ["-v", "error", "-y"];
    execFileSync(ffmpeg.path, [
      ...quiet,
      ...["-f", "lavfi", "-i", `testsrc2=size=${width}x${height}:rate=24`, "-t", "3"],
      ...["-pix_fmt", "yuv420p", "-c:v", "libx264", "-movflags", "+faststart", video],
    ]);
    execFileSync(ffmpeg.path, [...quiet, "-ss", "1", "-i", video, "-frames:v", "1", poster]);
  }
  return { video, poster, width, height };
}

export type SeedRow = {
  id: string;
  prompt: string;
  aspect?: Aspect;
  status?: "succeeded" | "failed" | "processing";
  /** Milliseconds since the epoch; rows are ordered by it in the gallery. */
  createdAt: number;
  /** Give a succeeded row a real video and poster (default true for succeeded rows). */
  media?: boolean;
  /** False keeps the video but leaves the poster out, as between storing a result and its poster. */
  poster?: boolean;
  mode?: "std" | "pro";
  errorCode?: string;
  errorMessage?: string;
  favorite?: boolean;
};

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export function seedGenerations(rows: SeedRow[]): void {
  const media = path.join(dataDir, "media");
  mkdirSync(path.join(media, "results"), { recursive: true });
  mkdirSync(path.join(media, "posters"), { recursive: true });
  const db = new Database(path.join(dataDir, "e2e.db"));
  const insert = db.prepare(
    `INSERT INTO "Generation" (id, createdAt, updatedAt, prompt, mode, aspectRatio, duration, status,
       submittedAt, finishedAt, videoPath, posterPath, width, height, durationSeconds, estimatedCostUsd,
       providerTaskId, errorCode, errorMessage, favorite)
     VALUES (?, ?, ?, ?, ?, ?, '5', ?, ?, ?, ?, ?, ?, ?, ?, 0.42, ?, ?, ?, ?)`,
  );
  const files: [string, string][] = [];
  db.transaction(() => {
    for (const row of rows) {
      const aspect = row.aspect ?? "16:9";
      const status = row.status ?? "succeeded";
      const withMedia = status === "succeeded" && row.media !== false;
      const made = withMedia ? clip(aspect) : null;
      const posterPath = made && row.poster !== false ? `posters/${row.id}.jpg` : null;
      if (made) files.push([made.video, path.join(media, "results", `${row.id}.mp4`)]);
      if (made && posterPath) files.push([made.poster, path.join(media, posterPath)]);
      insert.run(
        row.id,
        iso(row.createdAt),
        iso(row.createdAt),
        row.prompt,
        row.mode ?? "std",
        aspect,
        status,
        iso(row.createdAt),
        status === "processing" ? null : iso(row.createdAt + 40_000),
        made ? `results/${row.id}.mp4` : null,
        posterPath,
        made?.width ?? null,
        made?.height ?? null,
        made ? 3 : null,
        `task-${row.id}`,
        row.errorCode ?? (status === "failed" ? "provider_failed" : null),
        row.errorMessage ?? (status === "failed" ? "The provider reported a failure." : null),
        row.favorite ? 1 : 0,
      );
    }
  })();
  db.close();
  for (const [from, to] of files) copyFileSync(from, to);
}

/** A reference row, for detail pages that show chips and the reference list. */
export function seedReference(reference: {
  id: string;
  generationId: string;
  kind: "image" | "element" | "video";
  position: number;
  name?: string;
  elementId?: string;
  elementName?: string;
  imageType?: string;
  referType?: string;
  /** Copy this poster-sized picture in as the reference's uploaded file. */
  pictureOf?: Aspect;
}): void {
  const db = new Database(path.join(dataDir, "e2e.db"));
  let mediaPath: string | null = null;
  if (reference.pictureOf) {
    mediaPath = `uploads/${reference.id}.jpg`;
    mkdirSync(path.join(dataDir, "media", "uploads"), { recursive: true });
    copyFileSync(clip(reference.pictureOf).poster, path.join(dataDir, "media", mediaPath));
  }
  db.prepare(
    `INSERT INTO "Reference" (id, generationId, kind, position, name, elementId, elementName, imageType, referType, mediaPath, mimeType)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    reference.id,
    reference.generationId,
    reference.kind,
    reference.position,
    reference.name ?? null,
    reference.elementId ?? null,
    reference.elementName ?? null,
    reference.imageType ?? null,
    reference.referType ?? null,
    mediaPath,
    mediaPath ? "image/jpeg" : null,
  );
  db.close();
}

/** A registered element with a thumbnail, as "Add element" would leave it. */
export function seedElement(element: { id: string; name: string; elementId: string }): void {
  const thumbnailPath = `uploads/${element.id}.jpg`;
  mkdirSync(path.join(dataDir, "media", "uploads"), { recursive: true });
  copyFileSync(clip("1:1").poster, path.join(dataDir, "media", thumbnailPath));
  const db = new Database(path.join(dataDir, "e2e.db"));
  const now = iso(Date.now());
  db.prepare(
    `INSERT INTO "Element" (id, createdAt, updatedAt, name, elementId, thumbnailPath) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(element.id, now, now, element.name, element.elementId, thumbnailPath);
  db.close();
}

/**
 * Removes a seeded element again: the server is shared by every spec, and the composer's
 * specs count the elements the @-menu offers.
 */
export function removeElement(id: string): void {
  const db = new Database(path.join(dataDir, "e2e.db"));
  db.prepare(`DELETE FROM "Element" WHERE id = ?`).run(id);
  db.close();
}
