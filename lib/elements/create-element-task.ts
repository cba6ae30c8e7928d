import "server-only";
import { localMessage } from "@/i18n/local-message";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { findUploadsByIds, type UploadRow } from "@/lib/uploads/find-uploads";
import { fieldErrorsOf } from "./element-schema";
import { toElementTaskView } from "./element-task-repository";
import { createElementInputSchema, type ElementTaskView } from "./element-task-schema";
import { elementViewProblems, elementViewTitle } from "./element-view-rules";
import { assertElementCreationOffered } from "./elements-support-verdict";

/**
 * Stores a "Create from images" request as a queued ElementTask; the sync worker sends it
 * at its next tick (about a second) and follows it. Every image is judged by the reference
 * rules (type, size, 300 px, aspect) from the server's own measures; bad input writes nothing.
 */
export async function createElementTask(input: unknown): Promise<ElementTaskView> {
  const parsed = createElementInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("invalid_input", localMessage("elementRules.needsFixingCreate"), {
      fieldErrors: fieldErrorsOf(parsed.error.issues),
    });
  }
  assertElementCreationOffered();
  const { name, description, tag, frontUploadId, otherUploadIds } = parsed.data;
  const uploads = await findUploadsByIds([frontUploadId, ...otherUploadIds]);
  const fieldErrors: Record<string, string[]> = {};
  const judge = (id: string, field: string, title: string): UploadRow | undefined => {
    const upload = uploads.get(id);
    const problems = !upload
      ? [localMessage("elementRules.viewUnknown", { title })]
      : upload.kind !== "image"
        ? [localMessage("elementRules.viewNotImage", { title })]
        : elementViewProblems(upload, upload.originalName ?? "", title);
    if (problems.length > 0) fieldErrors[field] = [...(fieldErrors[field] ?? []), ...problems];
    return upload;
  };
  const front = judge(frontUploadId, "frontUploadId", elementViewTitle("front"));
  const others = otherUploadIds.map((id, index) =>
    judge(id, "otherUploadIds", elementViewTitle(index)),
  );
  if (Object.keys(fieldErrors).length > 0 || !front) {
    throw new AppError("invalid_input", localMessage("elementRules.imageUnusable"), {
      fieldErrors,
    });
  }
  const row = await getDb().elementTask.create({
    data: {
      id: newId("elt"),
      name,
      description,
      tag,
      frontImagePath: front.mediaPath,
      otherImagePaths: JSON.stringify(others.map((upload) => upload?.mediaPath ?? "")),
    },
  });
  return toElementTaskView(row);
}
