import { z } from "zod";
import { localMessage } from "@/i18n/local-message";
import { collectionNameSchema } from "@/lib/collections/collection-schemas";
import { isValidElementId } from "@/lib/composer/media-rules";
import { GENERATION_STATUSES } from "@/lib/generations/status";
import { ASPECT_RATIOS, MODES } from "@/lib/kling-contract/limits";
import { DEFAULT_MODEL, MAX_SHOTS, MODELS, SHOT_TYPES } from "@/lib/kling-contract/models";

/**
 * One row of each table as the studio itself writes it: the same enums, id shapes and
 * bounds, so an archive cannot store what the studio never would (an unknown status made
 * the studio's own pages fail until the row was removed by hand). Ids go into file names
 * and URLs, so they are plain lower-case tokens with the studio's prefixes.
 */
const token = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{1,64}$`));
export const generationId = token("gen");
export const uploadId = token("up");

/** A path relative to MEDIA_DIR, as the archive names it: plain segments only. */
export const mediaRelativePath = z
  .string()
  .max(500)
  .refine(isSafeRelativePath, localMessage("importDetails.unsafeMediaPath"));

export function isSafeRelativePath(value: string): boolean {
  const segments = value.split("/");
  return (
    segments.length >= 1 &&
    segments.every((s) => /^[A-Za-z0-9._-]{1,200}$/.test(s) && s !== "." && s !== "..")
  );
}

const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const optionalDate = date.nullable();
const count = z.number().int().min(0).max(2_147_483_647);
const size = count.nullable();
const seconds = z.number().min(0).max(3600).nullable();
const text = (max: number) => z.string().max(max).nullable();
/**
 * A stored error code is a label the pages explain (lib/generations/failure-advice.ts, with
 * "unknown" for one they do not know). The studio stores more codes than AppError's
 * (timed_out, task_not_found, provider_billing, …) and a newer studio may add more, so any
 * plain label is taken rather than refusing a whole archive over one.
 */
const errorCode = z.string().regex(/^[a-z][a-z_]{0,39}$/);

export const generationRow = z.object({
  id: generationId,
  createdAt: date,
  updatedAt: date,
  prompt: z.string().max(20_000),
  // Archives from before Kling 3.0 Omni name no model, sound or storyboard: O1, one shot.
  model: z.enum(MODELS).default(DEFAULT_MODEL),
  mode: z.enum(MODES),
  aspectRatio: z.enum(ASPECT_RATIOS).nullable(),
  duration: z.string().regex(/^([1-9]|1[0-5])$/),
  sound: z.enum(["on", "off"]).nullable().default(null),
  shotType: z.enum(SHOT_TYPES).nullable().default(null),
  status: z.enum(GENERATION_STATUSES),
  providerTaskId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .nullable(),
  errorCode: errorCode.nullable(),
  errorMessage: text(2000),
  submittedAt: optionalDate,
  startedAt: optionalDate,
  finishedAt: optionalDate,
  nextCheckAt: optionalDate,
  checkAttempts: count,
  providerVideoUrl: text(4000),
  videoPath: mediaRelativePath.nullable(),
  posterPath: mediaRelativePath.nullable(),
  videoBytes: size,
  videoSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  width: size,
  height: size,
  durationSeconds: seconds,
  estimatedCostUsd: z.number().min(0).max(100_000).nullable(),
  callbackToken: text(100),
  providerDoneAt: optionalDate,
  favorite: z.boolean(),
  parentId: generationId.nullable(),
  parentKind: z.enum(["remix", "retry"]).nullable(),
  /** Archives from before takes had no batches: absent means none. */
  batchId: token("bat").nullable().default(null),
});

export const referenceRow = z.object({
  id: token("ref"),
  generationId,
  kind: z.enum(["image", "element", "video"]),
  position: z.number().int().min(0).max(50),
  imageType: z.enum(["first_frame", "end_frame"]).nullable(),
  elementId: z.string().refine(isValidElementId).nullable(),
  elementName: text(100),
  name: text(200),
  referType: z.enum(["base", "feature"]).nullable(),
  keepOriginalSound: z.boolean().nullable(),
  mediaPath: mediaRelativePath.nullable(),
  sourceUrl: z
    .string()
    .max(4000)
    .regex(/^https?:\/\//i)
    .nullable(),
  mimeType: z.enum(["image/png", "image/jpeg", "video/mp4", "video/quicktime"]).nullable(),
  width: size,
  height: size,
  bytes: size,
  durationSeconds: seconds,
  fps: z.number().min(0).max(1000).nullable(),
  uploadId: uploadId.nullable(),
});

export const shotRow = z.object({
  id: token("shot"),
  generationId,
  index: z.number().int().min(1).max(MAX_SHOTS),
  prompt: z.string().max(20_000),
  duration: z.string().regex(/^([1-9]|1[0-5])$/),
});

export const shareRow = z.object({
  id: z.string().regex(/^[0-9a-z]{32,64}$/),
  createdAt: date,
  generationId,
  showRecipe: z.boolean(),
  allowIndexing: z.boolean(),
  revokedAt: optionalDate,
});

export const uploadRow = z.object({
  id: uploadId,
  createdAt: date,
  kind: z.enum(["image", "video"]),
  mediaPath: mediaRelativePath,
  originalName: text(200),
  mimeType: z.enum(["image/png", "image/jpeg", "video/mp4", "video/quicktime"]),
  bytes: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  width: size,
  height: size,
  durationSeconds: seconds,
  fps: z.number().min(0).max(1000).nullable(),
});

/** A collection with its members, which must all be generations the archive brings. */
export const collectionRow = z.object({
  id: token("col"),
  createdAt: date,
  updatedAt: date,
  name: collectionNameSchema,
  generationIds: z.array(generationId).max(1_000_000),
});

export const elementRow = z.object({
  id: token("el"),
  createdAt: date,
  updatedAt: date,
  name: z.string().min(1).max(20),
  elementId: z.string().refine(isValidElementId),
  description: text(100),
  thumbnailPath: mediaRelativePath.nullable(),
});
