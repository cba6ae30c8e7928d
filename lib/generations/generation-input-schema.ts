import { z } from "zod";
import {
  ASPECT_RATIOS,
  DURATIONS,
  MAX_PROMPT_CHARS,
  MODES,
  TEXT_TO_VIDEO_DURATIONS,
} from "./limits";

/**
 * What the composer submits. One schema: the form validates with it (zodResolver) and the
 * server action parses it again, because the client is never trusted.
 */
export const generationInputSchema = z
  .object({
    prompt: z
      .string()
      .trim()
      .min(1, "Write a prompt: describe the video you want.")
      .max(
        MAX_PROMPT_CHARS,
        `The prompt is longer than ${MAX_PROMPT_CHARS} characters; shorten it.`,
      ),
    mode: z.enum(MODES, "Choose Standard or Pro."),
    aspectRatio: z.enum(ASPECT_RATIOS, "Choose 16:9, 9:16 or 1:1."),
    duration: z.enum(DURATIONS, "Choose a duration between 3 and 10 seconds."),
  })
  .superRefine((input, ctx) => {
    // With no reference, this is text-to-video: the provider accepts only 5 and 10 seconds.
    if (!TEXT_TO_VIDEO_DURATIONS.includes(input.duration)) {
      ctx.addIssue({
        code: "custom",
        path: ["duration"],
        message: "Text-to-video takes 5 or 10 seconds; choose one of those.",
      });
    }
  });

export type GenerationInput = z.infer<typeof generationInputSchema>;

export const DEFAULT_GENERATION_INPUT: GenerationInput = {
  prompt: "",
  mode: "std",
  aspectRatio: "16:9",
  duration: "5",
};
