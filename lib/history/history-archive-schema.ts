import { z } from "zod";

/**
 * The export archive: `manifest.json` (this schema) first, then `media/<path>` for every
 * file a row points at, with the same path relative to MEDIA_DIR. Rows keep their ids, so
 * share links keep working on the new machine and a second import changes nothing.
 */
export const HISTORY_FORMAT = "omni-studio-history";
export const HISTORY_VERSION = 1;
export const MANIFEST_NAME = "manifest.json";
export const MEDIA_PREFIX = "media/";

/** A path relative to MEDIA_DIR: plain segments only, so nothing can climb out of it. */
export const mediaRelativePath = z
  .string()
  .max(500)
  .refine(isSafeRelativePath, "not a safe media path");

export function isSafeRelativePath(value: string): boolean {
  const segments = value.split("/");
  return (
    segments.length >= 1 &&
    segments.every((s) => /^[A-Za-z0-9._-]{1,200}$/.test(s) && s !== "." && s !== "..")
  );
}

const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const optionalDate = date.nullable();
const id = z.string().min(1).max(200);
const text = z.string().max(100_000).nullable();

const generation = z.object({
  id,
  createdAt: date,
  updatedAt: date,
  prompt: z.string().max(100_000),
  mode: z.string().max(20),
  aspectRatio: text,
  duration: z.string().max(10),
  status: z.string().max(40),
  providerTaskId: text,
  errorCode: text,
  errorMessage: text,
  submittedAt: optionalDate,
  startedAt: optionalDate,
  finishedAt: optionalDate,
  nextCheckAt: optionalDate,
  checkAttempts: z.number().int(),
  providerVideoUrl: text,
  videoPath: mediaRelativePath.nullable(),
  posterPath: mediaRelativePath.nullable(),
  videoBytes: z.number().int().nullable(),
  videoSha256: text,
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSeconds: z.number().nullable(),
  estimatedCostUsd: z.number().nullable(),
  callbackToken: text,
  providerDoneAt: optionalDate,
  favorite: z.boolean(),
  parentId: text,
  parentKind: text,
});

const reference = z.object({
  id,
  generationId: id,
  kind: z.string().max(20),
  position: z.number().int(),
  imageType: text,
  elementId: text,
  elementName: text,
  name: text,
  referType: text,
  keepOriginalSound: z.boolean().nullable(),
  mediaPath: mediaRelativePath.nullable(),
  sourceUrl: text,
  mimeType: text,
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  durationSeconds: z.number().nullable(),
  fps: z.number().nullable(),
  uploadId: text,
});

const share = z.object({
  id,
  createdAt: date,
  generationId: id,
  showRecipe: z.boolean(),
  allowIndexing: z.boolean(),
  revokedAt: optionalDate,
});

const upload = z.object({
  id,
  createdAt: date,
  kind: z.string().max(20),
  mediaPath: mediaRelativePath,
  originalName: text,
  mimeType: z.string().max(200),
  bytes: z.number().int(),
  sha256: z.string().max(128),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSeconds: z.number().nullable(),
  fps: z.number().nullable(),
});

const element = z.object({
  id,
  createdAt: date,
  updatedAt: date,
  name: z.string().max(1000),
  elementId: z.string().max(40),
  description: text,
  thumbnailPath: mediaRelativePath.nullable(),
});

export const historyManifestSchema = z.object({
  format: z.literal(HISTORY_FORMAT),
  version: z.literal(HISTORY_VERSION),
  exportedAt: z.string(),
  generations: z.array(generation),
  references: z.array(reference),
  shares: z.array(share),
  uploads: z.array(upload),
  elements: z.array(element),
});

export type HistoryManifest = z.output<typeof historyManifestSchema>;

/** Every media file the manifest's rows point at. */
export function manifestMediaPaths(manifest: {
  generations: { videoPath: string | null; posterPath: string | null }[];
  references: { mediaPath: string | null }[];
  uploads: { mediaPath: string }[];
  elements: { thumbnailPath: string | null }[];
}): Set<string> {
  const paths = [
    ...manifest.generations.flatMap((g) => [g.videoPath, g.posterPath]),
    ...manifest.references.map((r) => r.mediaPath),
    ...manifest.uploads.map((u) => u.mediaPath),
    ...manifest.elements.map((e) => e.thumbnailPath),
  ];
  return new Set(paths.filter((p): p is string => typeof p === "string" && p.length > 0));
}
