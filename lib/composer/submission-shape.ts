import { z } from "zod";
import { localMessage } from "@/i18n/local-message";
import { ASPECT_RATIOS, DURATIONS, MODES } from "@/lib/kling-contract/limits";
import { DEFAULT_MODEL, MODELS, SHOT_TYPES } from "@/lib/kling-contract/models";

/**
 * The composer's submission without its cross-field rules: the prompt as sent (tokens,
 * not chips) and the three reference lists in token order. Media facts are what the
 * browser measured; the server measures again and replaces them.
 */
const refId = z
  .string()
  .regex(/^ref_[A-Za-z0-9_-]{1,64}$/, localMessage("composerRules.malformedReferenceId"));
const name = z.string().trim().max(200);
/** The composer's stable name ("Image 3"), shown again on the detail and share pages. */
const label = z.string().trim().max(40).optional();
const optionalText = z.string().max(4000).optional();
const count = z.number().int().nonnegative().optional();

const mediaFacts = z.object({
  mimeType: z.string().max(100).nullable().optional(),
  bytes: count,
  width: count,
  height: count,
});

/** What an image and a video reference share: a stable name, and an upload or a link. */
const mediaReferenceFields = {
  id: refId,
  name,
  label,
  thumbnailUrl: optionalText,
  source: z.enum(["upload", "url"]),
  uploadId: z.string().max(100).optional(),
  url: z.string().max(4000).optional(),
};

export const imageReferenceSchema = z.object({
  ...mediaReferenceFields,
  kind: z.literal("image"),
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
  ...mediaReferenceFields,
  kind: z.literal("video"),
  referType: z.enum(["base", "feature"]),
  keepOriginalSound: z.boolean(),
  facts: mediaFacts
    .extend({
      durationSeconds: z.number().nonnegative().optional(),
      fps: z.number().nonnegative().optional(),
    })
    .optional(),
});

/** One shot of a custom storyboard: its prompt as sent (tokens) and its whole seconds. */
export const shotSchema = z.object({
  prompt: z.string().max(20_000),
  duration: z.string().regex(/^\d{1,2}$/, localMessage("composerRules.shotWholeSeconds")),
});

/** v3 multi-shot: "customize" sends the shots, "intelligence" lets the model cut the prompt. */
export const storyboardSchema = z.object({
  shotType: z.enum(SHOT_TYPES, localMessage("composerRules.chooseShotType")),
  shots: z.array(shotSchema).max(20),
});

export const submissionShape = z.object({
  /** Older drafts and callers name no model: they meant O1. */
  model: z.enum(MODELS, localMessage("composerRules.chooseModel")).default(DEFAULT_MODEL),
  prompt: z.string().max(20_000),
  mode: z.enum(MODES, localMessage("composerRules.chooseMode")),
  /** Null when a first frame or a base video sets the frame (the field is then left out). */
  aspectRatio: z.enum(ASPECT_RATIOS, localMessage("composerRules.chooseAspectRatio")).nullable(),
  duration: z.enum(DURATIONS, localMessage("composerRules.chooseDuration")),
  /** Native sound, v3 only; the rules refuse it for O1 and beside a reference video. */
  sound: z.boolean().default(false),
  /** Null: one prompt, one shot. */
  storyboard: storyboardSchema.nullable().default(null),
  images: z.array(imageReferenceSchema).max(50),
  elements: z.array(elementReferenceSchema).max(50),
  videos: z.array(videoReferenceSchema).max(10),
});

export type ComposerSubmission = z.infer<typeof submissionShape>;
export type Storyboard = z.infer<typeof storyboardSchema>;
