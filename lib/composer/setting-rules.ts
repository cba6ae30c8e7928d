import { type Duration, MAX_PROMPT_CHARS, TEXT_TO_VIDEO_DURATIONS } from "@/lib/generations/limits";
import { findTokens } from "@/lib/prompt/prompt-tokens";
import type { ComposerIssue } from "./composer-issue";
import type { ComposerSubmission } from "./submission-shape";

type RefCounts = Pick<ComposerSubmission, "images" | "elements" | "videos">;

/**
 * Which durations the request takes (contract §2): text-only and first-frame requests
 * only 5 or 10; a base-video edit follows the video's own length; anything else 3–10.
 */
export type DurationRule =
  | { kind: "choices"; options: readonly Duration[]; reason: "text-only" | "first-frame" }
  | { kind: "range" }
  | { kind: "follows-video" };

export function durationRule(refs: RefCounts): DurationRule {
  if (refs.videos.some((v) => v.referType === "base")) return { kind: "follows-video" };
  if (refs.images.some((i) => i.frame === "first_frame")) {
    return { kind: "choices", options: TEXT_TO_VIDEO_DURATIONS, reason: "first-frame" };
  }
  if (refs.images.length + refs.elements.length + refs.videos.length === 0) {
    return { kind: "choices", options: TEXT_TO_VIDEO_DURATIONS, reason: "text-only" };
  }
  return { kind: "range" };
}

/** A first frame or a base video sets the picture's shape, and the API wants no aspect_ratio then. */
export function aspectRatioIsSetByReferences(refs: RefCounts): boolean {
  return (
    refs.images.some((i) => i.frame === "first_frame") ||
    refs.videos.some((v) => v.referType === "base")
  );
}

export function checkSettings(input: ComposerSubmission): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  const rule = durationRule(input);
  if (rule.kind === "choices" && !rule.options.includes(input.duration)) {
    const why = rule.reason === "first-frame" ? "With a first frame" : "Without references";
    issues.push({
      rule: "duration-choice",
      target: { kind: "setting", field: "duration" },
      message: `${why} the video can be 5 or 10 seconds long; choose one of those.`,
    });
  }
  if (!aspectRatioIsSetByReferences(input) && input.aspectRatio === null) {
    issues.push({
      rule: "aspect-ratio-required",
      target: { kind: "setting", field: "aspectRatio" },
      message: "Choose an aspect ratio: 16:9, 9:16 or 1:1.",
    });
  }
  return issues;
}

/** Prompt rules, counted on the text as sent (chips written out as tokens). */
export function checkPrompt(input: ComposerSubmission): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  const add = (rule: ComposerIssue["rule"], message: string) =>
    issues.push({ rule, target: { kind: "prompt" }, message });
  if (input.prompt.trim() === "")
    add("prompt-empty", "Write a prompt: describe the video you want.");
  const length = input.prompt.length;
  if (length > MAX_PROMPT_CHARS) {
    add(
      "prompt-too-long",
      `The prompt is ${length} characters with references written out as tokens; the limit is ${MAX_PROMPT_CHARS}. Shorten it by ${length - MAX_PROMPT_CHARS}.`,
    );
  }
  const counts = {
    image: input.images.length,
    element: input.elements.length,
    video: input.videos.length,
  };
  for (const token of findTokens(input.prompt)) {
    if (token.n > counts[token.kind]) {
      add(
        "prompt-dangling-token",
        `The prompt mentions ${token.text}, but there ${counts[token.kind] === 1 ? "is" : "are"} only ${counts[token.kind]} ${token.kind}${counts[token.kind] === 1 ? "" : "s"}. Remove it or add the ${token.kind}.`,
      );
    }
  }
  return issues;
}
