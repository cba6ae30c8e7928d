import {
  MAX_IMAGES_AND_ELEMENTS,
  MAX_IMAGES_AND_ELEMENTS_WITH_VIDEO,
  MAX_VIDEOS,
} from "@/lib/generations/limits";
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
    const extra = visual.length - limit;
    const message = hasVideo
      ? `With a reference video at most ${limit} images and elements can be sent; there are ${visual.length}. Remove ${extra}, or remove the video.`
      : `At most ${limit} images and elements can be sent; there are ${visual.length}. Remove ${extra}.`;
    // Shown on the references past the limit, so the person sees which ones would go.
    for (const ref of visual.slice(limit)) {
      issues.push(
        refIssue(
          hasVideo ? "too-many-references-with-video" : "too-many-references",
          ref.id,
          `${titles.get(ref.id)}: ${message}`,
        ),
      );
    }
  }
  for (const video of input.videos.slice(MAX_VIDEOS)) {
    issues.push(
      refIssue(
        "too-many-videos",
        video.id,
        `Only one reference video can be sent; remove ${titles.get(video.id)}.`,
      ),
    );
  }
  return issues;
}

function checkFrames(input: ComposerSubmission, titles: SubmissionTitles): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  const firsts = input.images.filter((i) => i.frame === "first_frame");
  const ends = input.images.filter((i) => i.frame === "end_frame");
  for (const [list, what] of [
    [firsts, "first frame"],
    [ends, "end frame"],
  ] as const) {
    const [kept, ...extra] = list;
    for (const image of extra) {
      issues.push(
        refIssue(
          "duplicate-frame",
          image.id,
          `${titles.get(image.id)} is marked as ${what}, but ${titles.get(kept?.id ?? "")} already is. Only one image can be the ${what}.`,
        ),
      );
    }
  }
  for (const end of firsts.length === 0 ? ends : []) {
    issues.push(
      refIssue(
        "end-frame-needs-first",
        end.id,
        `${titles.get(end.id)} is the end frame, but no image is the first frame. Mark an image as first frame, or unmark ${titles.get(end.id)}.`,
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
        `${frameTitle} is a frame, and frames can be combined with at most ${MAX_FRAME_IMAGES} images in all; there are ${input.images.length}. Remove ${input.images.length - MAX_FRAME_IMAGES} image(s) or unmark the frame.`,
      ),
    );
  }
  for (const video of input.videos.filter((v) => v.referType === "base")) {
    issues.push(
      refIssue(
        "frames-with-base-video",
        video.id,
        `${titles.get(video.id)} is set to be edited, which cannot be combined with a first or end frame (${frameTitle}). Use the video as a style reference instead, or unmark the frame.`,
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
          `${titles.get(element.id)} has the id "${element.elementId.slice(0, 40)}", which is not a Kling element id (a positive whole number). Fix it in the element library.`,
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
          `${titles.get(element.id)} cannot be sent together with both a first and an end frame. Remove the element, or unmark the end frame.`,
        ),
      );
    }
  } else if (hasFirst && input.elements.length > MAX_ELEMENTS_WITH_FIRST_FRAME) {
    for (const element of input.elements.slice(MAX_ELEMENTS_WITH_FIRST_FRAME)) {
      issues.push(
        refIssue(
          "first-frame-too-many-elements",
          element.id,
          `${titles.get(element.id)}: with a first frame at most ${MAX_ELEMENTS_WITH_FIRST_FRAME} elements can be sent; there are ${input.elements.length}. Remove ${input.elements.length - MAX_ELEMENTS_WITH_FIRST_FRAME}.`,
        ),
      );
    }
  }
  return issues;
}
