import { z } from "zod";
import { isValidElementId } from "@/lib/composer/media-rules";

/** One schema for the "Add element" form and the actions that save it (contract §6). */
export const elementInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the element a name.")
    .max(20, "The name can be at most 20 characters (Kling's limit)."),
  elementId: z
    .string()
    .trim()
    .refine(
      isValidElementId,
      "The element id is the whole number Kling gave the element (1 to 9223372036854775807).",
    ),
  description: z
    .string()
    .trim()
    .max(100, "The description can be at most 100 characters (Kling's limit).")
    .optional()
    .transform((value) => (value ? value : undefined)),
  /** An image uploaded through /api/uploads, shown as the element's thumbnail. */
  thumbnailUploadId: z
    .string()
    .regex(/^up_[0-9a-z]{1,40}$/, "Unknown thumbnail.")
    .optional(),
});

export type ElementInput = z.input<typeof elementInputSchema>;

/** What the browser sees of a library element. */
export type ElementView = {
  id: string;
  name: string;
  elementId: string;
  description: string | undefined;
  thumbnailUrl: string | undefined;
};
