import "server-only";
import { z } from "zod";
import type { ComposerIssue } from "@/lib/composer/composer-issue";
import { resolveSubmission } from "@/lib/composer/resolve-submission";
import { aspectRatioIsSetByReferences } from "@/lib/composer/setting-rules";
import { type ComposerSubmission, submissionShape } from "@/lib/composer/submission-shape";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { UploadRow } from "@/lib/uploads/find-uploads";
import { estimateCostUsd } from "./estimate-cost";
import type { GenerationView } from "./generation-view";
import type { Duration } from "./limits";
import { submitGeneration } from "./submit-generation";
import { toGenerationView } from "./to-generation-view";

// Older callers send only the settings; missing lists mean "no references".
const inputSchema = z.preprocess(
  (value) =>
    typeof value === "object" && value !== null
      ? { images: [], elements: [], videos: [], ...(value as object) }
      : value,
  submissionShape,
);
const lineageSchema = z.object({
  remixOf: z
    .string()
    .regex(/^gen_[0-9a-z]{1,40}$/)
    .optional(),
});

/**
 * The server side of Generate: parse the composer's submission again, replace every fact
 * the browser claimed with the server's own, check every rule, then write the generation
 * and its references in one statement (Prisma's nested create is one transaction) and
 * submit. Nothing is written when anything is wrong.
 */
export async function createGeneration(input: unknown): Promise<GenerationView> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "form"), message: i.message })),
    );
  }
  const { submission, uploads, issues } = await resolveSubmission(parsed.data);
  if (issues.length > 0) throw invalid(issues.map(issueField));

  const lineage = lineageSchema.safeParse(input);
  const remixOf = lineage.success ? lineage.data.remixOf : undefined;
  const parent = remixOf
    ? await getDb().generation.findUnique({ where: { id: remixOf }, select: { id: true } })
    : null;

  const baseVideo = submission.videos.find((v) => v.referType === "base");
  // A base-video edit is as long as its video (the API ignores duration then).
  const duration: Duration = baseVideo?.facts?.durationSeconds
    ? (String(Math.min(10, Math.max(3, Math.round(baseVideo.facts.durationSeconds)))) as Duration)
    : submission.duration;
  const estimatedCostUsd = estimateCostUsd(
    { mode: submission.mode, seconds: Number(duration), hasVideo: submission.videos.length > 0 },
    getEnv().pricing.table,
  );
  const row = await getDb().generation.create({
    data: {
      id: newId("gen"),
      prompt: submission.prompt,
      mode: submission.mode,
      aspectRatio: aspectRatioIsSetByReferences(submission) ? null : submission.aspectRatio,
      duration,
      status: "submitting",
      estimatedCostUsd,
      parentId: parent?.id ?? null,
      parentKind: parent ? "remix" : null,
      references: { create: referenceRows(submission, uploads) },
    },
  });
  return toGenerationView(await submitGeneration(row));
}

function referenceRows(submission: ComposerSubmission, uploads: Map<string, UploadRow>) {
  const media = (ref: { uploadId?: string | undefined; url?: string | undefined }) => {
    const upload = ref.uploadId ? uploads.get(ref.uploadId) : undefined;
    return upload
      ? { uploadId: upload.id, mediaPath: upload.mediaPath }
      : { uploadId: null, mediaPath: null, sourceUrl: ref.url ?? null };
  };
  return [
    ...submission.images.map((image, position) => ({
      id: newId("ref"),
      kind: "image",
      position,
      name: image.name,
      imageType: image.frame ?? null,
      ...media(image),
      ...factsOf(image.facts),
    })),
    ...submission.elements.map((element, position) => ({
      id: newId("ref"),
      kind: "element",
      position,
      name: element.name,
      elementId: element.elementId,
      elementName: element.name,
    })),
    ...submission.videos.map((video, position) => ({
      id: newId("ref"),
      kind: "video",
      position,
      name: video.name,
      referType: video.referType,
      keepOriginalSound: video.keepOriginalSound,
      ...media(video),
      ...factsOf(video.facts),
      durationSeconds: video.facts?.durationSeconds ?? null,
      fps: video.facts?.fps ?? null,
    })),
  ];
}

function factsOf(
  facts: { mimeType?: string | null; bytes?: number; width?: number; height?: number } | undefined,
) {
  return {
    mimeType: facts?.mimeType ?? null,
    bytes: facts?.bytes ?? null,
    width: facts?.width ?? null,
    height: facts?.height ?? null,
  };
}

/** Field errors keyed by reference id (the composer shows them on that tray item) or field. */
function issueField(issue: ComposerIssue): { field: string; message: string } {
  const { target } = issue;
  const field =
    target.kind === "reference"
      ? target.refId
      : target.kind === "setting"
        ? target.field
        : "prompt";
  return { field, message: issue.message };
}

function invalid(problems: { field: string; message: string }[]): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const { field, message } of problems)
    fieldErrors[field] = [...(fieldErrors[field] ?? []), message];
  const first = problems[0]?.message ?? "Some settings need fixing.";
  const message =
    problems.length === 1
      ? first
      : `${problems.length} things need fixing before generating. ${first}`;
  return new AppError("invalid_input", message, { fieldErrors });
}
