import "server-only";
import type { z } from "zod";
import type { ComposerIssue } from "@/lib/composer/composer-issue";
import { aspectRatioIsSetByReferences } from "@/lib/composer/setting-rules";
import { sendsShotsInsteadOfPrompt } from "@/lib/composer/storyboard-rules";
import { type ComposerSubmission, submissionShape } from "@/lib/composer/submission-shape";
import { takesSchema } from "@/lib/composer/takes";
import { getEnv } from "@/lib/env";
import { invalidInputError } from "@/lib/errors";
import { estimateCostUsd } from "@/lib/generations/estimate-cost";
import { findGenerationRow, insertGenerations } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { toGenerationView } from "@/lib/generations/to-generation-view";
import { idSchema, newId } from "@/lib/ids";
import type { Duration } from "@/lib/kling-contract/limits";
import { DEFAULT_MODEL } from "@/lib/kling-contract/models";
import type { UploadRow } from "@/lib/uploads/find-uploads";
import { submitGeneration } from "@/lib/worker/submit-generation";
import { resolveSubmission } from "./resolve-submission";

/**
 * What Generate sends: the composer's submission, the generation it remixes, if any, and
 * how many takes of it to make (the composer's own schema; callers from before send none).
 */
export const createGenerationInput = submissionShape.extend({
  // A malformed lineage link is dropped, not refused: the remix itself is still a valid prompt.
  remixOf: idSchema("gen").optional().catch(undefined),
  takes: takesSchema.default(1),
});
export type CreateGenerationInput = z.input<typeof createGenerationInput>;
type Parsed = z.output<typeof createGenerationInput>;
type V3Fields = "model" | "sound" | "storyboard" | "takes";
/** Parsed input; callers from before Kling 3.0 Omni may leave its fields out (O1, as the schema's defaults). */
type CreateGenerationArgs = Omit<Parsed, V3Fields> & Partial<Pick<Parsed, V3Fields>>;

/** The takes one Generate made, in order; `batchId` links them when there are several. */
type CreatedTakes = { batchId: string | null; generations: GenerationView[] };

/** One take (the callers that make exactly one generation). */
export async function createGeneration(input: CreateGenerationArgs): Promise<GenerationView> {
  const [first] = (await createGenerations({ ...input, takes: 1 })).generations;
  if (!first) throw new Error("createGenerations made no generation");
  return first;
}

/**
 * The server side of Generate: parse the composer's submission again, replace every fact
 * the browser claimed with the server's own, check every rule, then write every take with
 * its references and shots in one transaction (all takes or none), and submit them in
 * order through the queue. Nothing is written when anything is wrong.
 */
export async function createGenerations(input: CreateGenerationArgs): Promise<CreatedTakes> {
  const { remixOf, takes, ...fields } = {
    model: DEFAULT_MODEL,
    sound: false,
    storyboard: null,
    takes: 1,
    ...input,
  };
  const { submission, uploads, issues } = await resolveSubmission(fields);
  if (issues.length > 0) throw invalidInputError(issues.map(issueField), "beforeGenerating");

  const parent = remixOf ? await findGenerationRow(remixOf) : null;

  const baseVideo = submission.videos.find((v) => v.referType === "base");
  // A base-video edit is as long as its video (the API ignores duration then).
  const duration: Duration = baseVideo?.facts?.durationSeconds
    ? (String(Math.min(10, Math.max(3, Math.round(baseVideo.facts.durationSeconds)))) as Duration)
    : submission.duration;
  const isV3 = submission.model === "kling-v3-omni";
  const sound = isV3 && submission.sound;
  const estimatedCostUsd = estimateCostUsd(
    {
      model: submission.model,
      mode: submission.mode,
      seconds: Number(duration),
      hasVideo: submission.videos.length > 0,
      sound,
    },
    getEnv().pricing.table,
  );
  const board = isV3 ? submission.storyboard : null;
  const shots = board?.shotType === "customize" ? board.shots : [];
  const batchId = takes > 1 ? newId("bat") : null;
  const now = Date.now();
  // Each take is a normal generation with its own ids, references and shots. One millisecond
  // apart, so "created first" (the gallery's, the queue's and Compare's order) is take order.
  const take = (_: unknown, index: number) => ({
    id: newId("gen", now + index),
    createdAt: new Date(now + index),
    batchId,
    // A custom storyboard sends no prompt; its shots, one per line, are what the gallery shows and searches.
    prompt: sendsShotsInsteadOfPrompt({ storyboard: board })
      ? shots.map((s) => s.prompt).join("\n")
      : submission.prompt,
    model: submission.model,
    mode: submission.mode,
    aspectRatio: aspectRatioIsSetByReferences(submission) ? null : submission.aspectRatio,
    duration,
    sound: isV3 ? (sound ? "on" : "off") : null,
    shotType: board?.shotType ?? null,
    shots: {
      create: shots.map((shot, i) => ({
        id: newId("shot"),
        index: i + 1,
        prompt: shot.prompt,
        duration: shot.duration,
      })),
    },
    status: "submitting" as const,
    estimatedCostUsd,
    parentId: parent?.id ?? null,
    parentKind: parent ? "remix" : null,
    references: { create: referenceRows(submission, uploads) },
  });
  const rows = await insertGenerations(Array.from({ length: takes }, take));
  const generations: GenerationView[] = [];
  // One after another, so the queue keeps the takes in order and counts their slots right.
  for (const [index, row] of rows.entries()) {
    const unsentAfter = rows.length - 1 - index;
    generations.push(toGenerationView(await submitGeneration(row, { unsentAfter })));
  }
  return { batchId, generations };
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
      label: image.label ?? null,
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
      label: video.label ?? null,
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
