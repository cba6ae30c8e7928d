import { localMessage } from "@/i18n/local-message";
import {
  DURATIONS,
  type Duration,
  MAX_PROMPT_CHARS,
  TEXT_TO_VIDEO_DURATIONS,
} from "@/lib/kling-contract/limits";
import {
  DEFAULT_MODEL,
  MAX_SECONDS,
  MODEL_LABELS,
  type ModelName,
} from "@/lib/kling-contract/models";
import { findTokenProblems } from "@/lib/prompt/check-prompt-tokens";
import { promptLength } from "@/lib/prompt/prompt-length";
import type { ComposerIssue } from "./composer-issue";
import type { ComposerSubmission } from "./submission-shape";

type RefCounts = Pick<ComposerSubmission, "images" | "elements" | "videos">;

/**
 * Which durations the request takes (contract §2, §10): a base-video edit follows the
 * video's own length; Kling 3.0 Omni takes 3–15; on O1 text-only and first-frame requests
 * take only 5 or 10, anything else 3–10.
 */
export type DurationRule =
  | { kind: "choices"; options: readonly Duration[]; reason: "text-only" | "first-frame" }
  | { kind: "range"; max: number }
  | { kind: "follows-video" };

export function durationRule(refs: RefCounts, model: ModelName = DEFAULT_MODEL): DurationRule {
  if (refs.videos.some((v) => v.referType === "base")) return { kind: "follows-video" };
  if (model !== "kling-video-o1") return { kind: "range", max: MAX_SECONDS[model] };
  if (refs.images.some((i) => i.frame === "first_frame")) {
    return { kind: "choices", options: TEXT_TO_VIDEO_DURATIONS, reason: "first-frame" };
  }
  if (refs.images.length + refs.elements.length + refs.videos.length === 0) {
    return { kind: "choices", options: TEXT_TO_VIDEO_DURATIONS, reason: "text-only" };
  }
  return { kind: "range", max: MAX_SECONDS[model] };
}

/** The durations a select offers under this rule. */
export function durationOptions(rule: DurationRule): readonly Duration[] {
  if (rule.kind === "choices") return rule.options;
  const max = rule.kind === "range" ? rule.max : MAX_SECONDS["kling-video-o1"];
  return DURATIONS.filter((d) => Number(d) <= max);
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
  const rule = durationRule(input, input.model);
  if (rule.kind === "range" && Number(input.duration) > rule.max) {
    issues.push({
      rule: "duration-range",
      target: { kind: "setting", field: "duration" },
      message: localMessage("composerRules.durationRange", {
        model: MODEL_LABELS[input.model],
        max: rule.max,
      }),
    });
  }
  if (rule.kind === "choices" && !rule.options.includes(input.duration)) {
    issues.push({
      rule: "duration-choice",
      target: { kind: "setting", field: "duration" },
      message: localMessage("composerRules.durationChoice", {
        why: rule.reason === "first-frame" ? "startFrame" : "textOnly",
      }),
    });
  }
  if (!aspectRatioIsSetByReferences(input) && input.aspectRatio === null) {
    issues.push({
      rule: "aspect-ratio-required",
      target: { kind: "setting", field: "aspectRatio" },
      message: localMessage("composerRules.aspectRatioRequired"),
    });
  }
  return issues;
}

/**
 * Prompt rules, on the text as sent (chips written out as tokens). Length is counted in
 * code points, as the provider counts it; tokens go through the one shared check.
 */
export function checkPrompt(input: ComposerSubmission): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  const add = (rule: ComposerIssue["rule"], message: string) =>
    issues.push({ rule, target: { kind: "prompt" }, message });
  if (input.prompt.trim() === "") add("prompt-empty", localMessage("composerRules.promptEmpty"));
  const length = promptLength(input.prompt);
  if (length > MAX_PROMPT_CHARS) {
    add(
      "prompt-too-long",
      localMessage("composerRules.promptTooLong", {
        length,
        limit: MAX_PROMPT_CHARS,
        over: length - MAX_PROMPT_CHARS,
      }),
    );
  }
  const counts = {
    image: input.images.length,
    element: input.elements.length,
    video: input.videos.length,
  };
  for (const problem of findTokenProblems(input.prompt, counts)) {
    add(
      problem.kind === "dangling" ? "prompt-dangling-token" : "prompt-malformed-token",
      problem.message,
    );
  }
  return issues;
}
