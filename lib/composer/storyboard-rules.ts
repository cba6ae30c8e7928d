import { localMessage } from "@/i18n/local-message";
import {
  MAX_SHOT_PROMPT_CHARS,
  MAX_SHOTS,
  MIN_SHOT_SECONDS,
  V3_MODEL,
} from "@/lib/kling-contract/models";
import { findTokenProblems } from "@/lib/prompt/check-prompt-tokens";
import { promptLength } from "@/lib/prompt/prompt-length";
import type { ComposerIssue } from "./composer-issue";
import type { ComposerSubmission } from "./submission-shape";

/** A custom storyboard replaces the prompt: the provider ignores `prompt` then (§10). */
export function sendsShotsInsteadOfPrompt(input: Pick<ComposerSubmission, "storyboard">): boolean {
  return input.storyboard?.shotType === "customize";
}

/** The whole seconds the shots add up to (unreadable durations count as 0). */
export function shotSeconds(shots: readonly { duration: string }[]): number {
  return shots.reduce((sum, shot) => sum + (Number.parseInt(shot.duration, 10) || 0), 0);
}

/**
 * Storyboard rules (contract §10): 1–6 shots, each prompt ≤512 code points with only
 * tokens that name attached references, each ≥1 s, together exactly the video's duration;
 * no first or end frame beside a storyboard (reported by a gateway, unverified: refused
 * here so a storyboard never meets it).
 */
export function checkStoryboard(input: ComposerSubmission): ComposerIssue[] {
  const { storyboard } = input;
  if (!storyboard || input.model !== V3_MODEL) return [];
  const issues: ComposerIssue[] = [];
  const board = (rule: ComposerIssue["rule"], message: string) =>
    issues.push({ rule, target: { kind: "setting", field: "storyboard" }, message });
  const framed = input.images.find((i) => i.frame);
  if (framed) {
    board(
      "storyboard-with-frames",
      localMessage("composerRules.storyboardWithFrames", {
        name: framed.name || localMessage("composerRules.theImage"),
        frame: framed.frame ?? "end_frame",
      }),
    );
  }
  if (storyboard.shotType !== "customize") return issues;

  const { shots } = storyboard;
  if (shots.length === 0)
    board("storyboard-no-shots", localMessage("composerRules.storyboardNoShots"));
  if (shots.length > MAX_SHOTS) {
    board(
      "storyboard-too-many-shots",
      localMessage("composerRules.storyboardTooManyShots", {
        max: MAX_SHOTS,
        count: shots.length,
        extra: shots.length - MAX_SHOTS,
      }),
    );
  }
  const counts = {
    image: input.images.length,
    element: input.elements.length,
    video: input.videos.length,
  };
  shots.forEach((shot, index) => {
    const add = (rule: ComposerIssue["rule"], message: string) =>
      issues.push({ rule, target: { kind: "shot", index }, message });
    const n = index + 1;
    if (shot.prompt.trim() === "")
      add("shot-empty", localMessage("composerRules.shotEmpty", { n }));
    const length = promptLength(shot.prompt);
    if (length > MAX_SHOT_PROMPT_CHARS) {
      add(
        "shot-too-long",
        localMessage("composerRules.shotTooLong", {
          n,
          length,
          limit: MAX_SHOT_PROMPT_CHARS,
          over: length - MAX_SHOT_PROMPT_CHARS,
        }),
      );
    }
    for (const problem of findTokenProblems(shot.prompt, counts)) {
      add(
        problem.kind === "dangling" ? "shot-dangling-token" : "shot-token",
        localMessage("composerRules.shotToken", { n, problem: problem.message }),
      );
    }
    const seconds = Number.parseInt(shot.duration, 10);
    if (!(seconds >= MIN_SHOT_SECONDS)) {
      add(
        "shot-duration",
        localMessage("composerRules.shotDuration", { n, min: MIN_SHOT_SECONDS }),
      );
    }
  });
  const total = shotSeconds(shots);
  if (shots.length > 0 && total !== Number(input.duration)) {
    board(
      "shot-total",
      localMessage("composerRules.shotTotal", { total, duration: Number(input.duration) }),
    );
  }
  return issues;
}
