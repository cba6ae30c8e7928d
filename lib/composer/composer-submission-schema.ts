import { checkCombination } from "./combination-rules";
import type { ComposerIssue } from "./composer-issue";
import { checkImage, checkVideo } from "./media-rules";
import { checkModelFields } from "./model-rules";
import { aspectRatioIsSetByReferences, checkPrompt, checkSettings } from "./setting-rules";
import { checkStoryboard, sendsShotsInsteadOfPrompt } from "./storyboard-rules";
import { type ComposerSubmission, submissionShape } from "./submission-shape";
import { submissionTitles } from "./submission-titles";

/** Every rule of the contract over one submission, in the order the form lists them. */
export function validateSubmission(input: ComposerSubmission): ComposerIssue[] {
  const titles = submissionTitles(input);
  // A custom storyboard sends shots, not the prompt: the shots' own rules replace its rules.
  const promptIsSent = !(input.model === "kling-v3-omni" && sendsShotsInsteadOfPrompt(input));
  return [
    ...(promptIsSent ? checkPrompt(input) : []),
    ...input.images.flatMap((image) => checkImage(image, titles.get(image.id))),
    ...input.videos.flatMap((video) => checkVideo(video, titles.get(video.id))),
    ...checkCombination(input),
    ...checkSettings(input),
    ...checkModelFields(input),
    ...checkStoryboard(input),
  ];
}

/** Where a zod issue for this rule points, so field errors land on the right input. */
export function issuePath(input: ComposerSubmission, issue: ComposerIssue): (string | number)[] {
  const { target } = issue;
  if (target.kind === "prompt") return ["prompt"];
  if (target.kind === "setting") return [target.field];
  if (target.kind === "shot") return ["storyboard", "shots", target.index, "prompt"];
  for (const list of ["images", "elements", "videos"] as const) {
    const index = input[list].findIndex((ref) => ref.id === target.refId);
    if (index >= 0) return [list, index];
  }
  return [];
}

/**
 * The one schema for a composer submission, used by the form (zodResolver) and parsed
 * again by the server. The output leaves aspect_ratio out (null) when a first frame or a
 * base video sets the frame, as the API asks.
 */
export const composerSubmissionSchema = submissionShape
  .superRefine((input, ctx) => {
    for (const issue of validateSubmission(input)) {
      ctx.addIssue({
        code: "custom",
        path: issuePath(input, issue),
        message: issue.message,
        params: { rule: issue.rule },
      });
    }
  })
  .transform(
    (input): ComposerSubmission => ({
      ...input,
      aspectRatio: aspectRatioIsSetByReferences(input) ? null : input.aspectRatio,
    }),
  );
