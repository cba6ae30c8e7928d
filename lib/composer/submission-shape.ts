import { z } from "zod";
import { ASPECT_RATIOS, DURATIONS, MODES } from "@/lib/generations/limits";

/**
 * The composer's submission without its cross-field rules: the prompt as sent (tokens,
 * not chips) and the three reference lists in token order. Media facts are what the
 * browser measured; the server measures again and replaces them.
 */
const refId = z.string().regex(/^ref_[A-Za-z0-9_-]{1,64}$/, "Malformed reference id.");
const name = z.string().trim().max(200);
const optionalText = z.string().max(4000).optional();
const count = z.number().int().nonnegative().optional();

const mediaFacts = z.object({
  mimeType: z.string().max(100).nullable().optional(),
  bytes: count,
  width: count,
  height: count,
});

export const imageReferenceSchema = z.object({
  id: refId,
  kind: z.literal("image"),
  name,
  thumbnailUrl: optionalText,
  source: z.enum(["upload", "url"]),
  uploadId: z.string().max(100).optional(),
  url: z.string().max(4000).optional(),
  frame: z.enum(["first_frame", "end_frame"]).nullable().optional(),
  facts: mediaFacts.optional(),
});

export const elementReferenceSchema = z.object({
  id: refId,
  kind: z.literal("element"),
  name,
  elementId: z.string().max(40),
  thumbnailUrl: optionalText,
  description: z.string().max(1000).optional(),
});

export const videoReferenceSchema = z.object({
  id: refId,
  kind: z.literal("video"),
  name,
  thumbnailUrl: optionalText,
  source: z.enum(["upload", "url"]),
  uploadId: z.string().max(100).optional(),
  url: z.string().max(4000).optional(),
  referType: z.enum(["base", "feature"]),
  keepOriginalSound: z.boolean(),
  facts: mediaFacts
    .extend({
      durationSeconds: z.number().nonnegative().optional(),
      fps: z.number().nonnegative().optional(),
    })
    .optional(),
});

export const submissionShape = z.object({
  prompt: z.string().max(20_000),
  mode: z.enum(MODES, "Choose Standard or Pro."),
  /** Null when a first frame or a base video sets the frame (the field is then left out). */
  aspectRatio: z.enum(ASPECT_RATIOS, "Choose 16:9, 9:16 or 1:1.").nullable(),
  duration: z.enum(DURATIONS, "Choose a duration between 3 and 10 seconds."),
  images: z.array(imageReferenceSchema).max(50),
  elements: z.array(elementReferenceSchema).max(50),
  videos: z.array(videoReferenceSchema).max(10),
});

export type ComposerSubmission = z.infer<typeof submissionShape>;
