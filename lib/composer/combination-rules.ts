import { localMessage } from "@/i18n/local-message";
import {
  MAX_IMAGES_AND_ELEMENTS,
  MAX_IMAGES_AND_ELEMENTS_WITH_VIDEO,
  MAX_VIDEOS,
} from "@/lib/kling-contract/limits";
import type { ComposerIssue } from "./composer-issue";
import { isValidElementId } from "./media-rules";
import type { ComposerSubmission } from "./submission-shape";
import { type SubmissionTitles, submissionTitles } from "./submission-titles";

const MAX_FRAME_IMAGES = 2;
const MAX_ELEMENTS_WITH_FIRST_FRAME = 3;

/** Rules about how references combine (contract §2.2). */
export function checkCombination(input: ComposerSubmission): ComposerIssue[] {
  const titles = submissionTitles(input);
  return [
    ...checkCounts(input, titles),
    ...checkFrames(input, titles),
    ...checkElements(input, titles),
  ];
}

function refIssue(rule: ComposerIssue["rule"], refId: string, message: string): ComposerIssue {
  return { rule, target: { kind: "reference", refId }, message };
}

function checkCounts(input: ComposerSubmission, titles: SubmissionTitles): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  const visual = [...input.images, ...input.elements];
  const hasVideo = input.videos.length > 0;
  const limit = hasVideo ? MAX_IMAGES_AND_ELEMENTS_WITH_VIDEO : MAX_IMAGES_AND_ELEMENTS;
  if (visual.length > limit) {
    const values = { limit, count: visual.length, extra: visual.length - limit };
    // Shown on the references past the limit, so the person sees which ones would go.
    for (const ref of visual.slice(limit)) {
      issues.push(
        refIssue(
          hasVideo ? "too-many-references-with-video" : "too-many-references",
          ref.id,
          localMessage(
            hasVideo
              ? "composerRules.tooManyReferencesWithVideo"
              : "composerRules.tooManyReferences",
            { title: titles.get(ref.id), ...values },
          ),
        ),
      );
    }
  }
  for (const video of input.videos.slice(MAX_VIDEOS)) {
    issues.push(
      refIssue(
        "too-many-videos",
        video.id,
        localMessage("composerRules.tooManyVideos", { title: titles.get(video.id) }),
      ),
    );
  }
  return issues;
}

function checkFrames(input: ComposerSubmission, titles: SubmissionTitles): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  const firsts = input.images.filter((i) => i.frame === "first_frame");
  const ends = input.images.filter((i) => i.frame === "end_frame");
  for (const [list, frame] of [
    [firsts, "first_frame"],
    [ends, "end_frame"],
  ] as const) {
    const [kept, ...extra] = list;
    for (const image of extra) {
      issues.push(
        refIssue(
          "duplicate-frame",
          image.id,
          localMessage("composerRules.duplicateFrame", {
            title: titles.get(image.id),
            kept: titles.get(kept?.id ?? ""),
            frame,
          }),
        ),
      );
    }
  }
  for (const end of firsts.length === 0 ? ends : []) {
    issues.push(
      refIssue(
        "end-frame-needs-first",
        end.id,
        localMessage("composerRules.endFrameNeedsStart", { title: titles.get(end.id) }),
      ),
    );
  }
  const frameImage = firsts[0] ?? ends[0];
  if (!frameImage) return issues;
  const frameTitle = titles.get(frameImage.id);
  if (input.images.length > MAX_FRAME_IMAGES) {
    issues.push(
      refIssue(
        "frames-too-many-images",
        frameImage.id,
        localMessage("composerRules.framesTooManyImages", {
          title: frameTitle,
          max: MAX_FRAME_IMAGES,
          count: input.images.length,
          extra: input.images.length - MAX_FRAME_IMAGES,
        }),
      ),
    );
  }
  for (const video of input.videos.filter((v) => v.referType === "base")) {
    issues.push(
      refIssue(
        "frames-with-base-video",
        video.id,
        localMessage("composerRules.framesWithBaseVideo", {
          title: titles.get(video.id),
          frame: frameTitle,
        }),
      ),
    );
  }
  return issues;
}

function checkElements(input: ComposerSubmission, titles: SubmissionTitles): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  for (const element of input.elements) {
    if (!isValidElementId(element.elementId)) {
      issues.push(
        refIssue(
          "element-id",
          element.id,
          localMessage("composerRules.elementId", {
            title: titles.get(element.id),
            id: element.elementId.slice(0, 40),
          }),
        ),
      );
    }
  }
  const hasFirst = input.images.some((i) => i.frame === "first_frame");
  const hasEnd = input.images.some((i) => i.frame === "end_frame");
  if (hasFirst && hasEnd) {
    // Kling documents elements with both frames on O1 in garbled text: treated as unsupported.
    for (const element of input.elements) {
      issues.push(
        refIssue(
          "frames-with-elements",
          element.id,
          localMessage("composerRules.framesWithElements", { title: titles.get(element.id) }),
        ),
      );
    }
  } else if (hasFirst && input.elements.length > MAX_ELEMENTS_WITH_FIRST_FRAME) {
    for (const element of input.elements.slice(MAX_ELEMENTS_WITH_FIRST_FRAME)) {
      issues.push(
        refIssue(
          "first-frame-too-many-elements",
          element.id,
          localMessage("composerRules.startFrameTooManyElements", {
            title: titles.get(element.id),
            max: MAX_ELEMENTS_WITH_FIRST_FRAME,
            count: input.elements.length,
            extra: input.elements.length - MAX_ELEMENTS_WITH_FIRST_FRAME,
          }),
        ),
      );
    }
  }
  return issues;
}
