import { z } from "zod";
import { localMessage } from "@/i18n/local-message";
import { isValidElementId } from "@/lib/composer/media-rules";

/** Kling's limits on an element's words (contract §6), shared by both ways of adding one. */
export const elementNameSchema = z
  .string()
  .trim()
  .min(1, localMessage("elementRules.nameMissing"))
  .max(20, localMessage("elementRules.nameTooLong"));
const descriptionTooLong = localMessage("elementRules.descriptionTooLong");
export const elementDescriptionSchema = z.string().trim().max(100, descriptionTooLong);

/** An image uploaded through /api/uploads, by its id. */
export function uploadIdSchema(message: string) {
  return z.string().regex(/^up_[0-9a-z]{1,40}$/, message);
}

/** One schema for the "Add element" form and the actions that save it (contract §6). */
export const elementInputSchema = z.object({
  name: elementNameSchema,
  elementId: z
    .string()
    .trim()
    .refine(isValidElementId, localMessage("elementRules.elementIdInvalid")),
  description: elementDescriptionSchema
    .optional()
    .transform((value) => (value ? value : undefined)),
  /** Shown as the element's thumbnail. */
  thumbnailUploadId: uploadIdSchema(localMessage("elementRules.thumbnailUnknown")).optional(),
});

/** A schema's refusals by field (the first segment of each path), as the forms show them. */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return fieldErrors;
}

/** What the browser sees of a library element. */
export type ElementView = {
  id: string;
  name: string;
  elementId: string;
  description: string | undefined;
  /** The front view in the studio's storage; none for an import Kling sent no picture for. */
  thumbnailUrl: string | undefined;
  /** Kling's tag (character, animal, …), when known. */
  tag: string | undefined;
  /** registered | created | imported | preset */
  source: string;
};
