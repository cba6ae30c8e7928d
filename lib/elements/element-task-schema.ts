import { z } from "zod";
import { localMessage } from "@/i18n/local-message";
import { ELEMENT_TAG_NAMES, type ElementTag } from "@/lib/cometapi/elements-types";
import { elementDescriptionSchema, elementNameSchema, uploadIdSchema } from "./element-schema";

const uploadId = uploadIdSchema(localMessage("elementRules.uploadAgain"));

/** One schema for "Create from images", used by the dialog and parsed again by the action. */
export const createElementInputSchema = z.object({
  name: elementNameSchema,
  // Kling requires a description when it makes an element (an empty one is refused).
  description: elementDescriptionSchema.min(1, localMessage("elementRules.descriptionMissing")),
  tag: z.enum(ELEMENT_TAG_NAMES as [ElementTag, ...ElementTag[]], {
    error: localMessage("elementRules.tagMissing"),
  }),
  frontUploadId: uploadId,
  otherUploadIds: z
    .array(uploadId)
    .min(1, localMessage("elementRules.otherViewsTooFew"))
    .max(3, localMessage("elementRules.otherViewsTooMany")),
});

export type ElementTaskPhase =
  | "queued"
  | "submitting"
  | "submitted"
  | "processing"
  | "succeed"
  | "failed";

/** What the browser sees of an element being made. */
export type ElementTaskView = {
  id: string;
  name: string;
  tag: string;
  /** The progress shown, in words from the catalog (elements.progress.<phase>). */
  status: ElementTaskPhase;
  /** Kling's own reason, or a localMessage from the worker: shown through useSay. */
  failReason: string | undefined;
  thumbnailUrl: string | undefined;
  /** The library element, once Kling made it. */
  elementRowId: string | undefined;
};
