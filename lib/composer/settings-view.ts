import type { Duration } from "@/lib/kling-contract/limits";
import { aspectRatioIsSetByReferences, type DurationRule, durationRule } from "./setting-rules";
import type { ComposerSubmission } from "./submission-shape";

export type SettingsView = {
  durationRule: DurationRule;
  /** Seconds of the base video being edited, once measured. */
  videoSeconds: number | undefined;
  /** The output length the cost is estimated from. */
  seconds: number;
  /** What sets the picture's shape instead of the aspect ratio, if anything. */
  aspectSetBy: "startFrame" | "baseVideo" | null;
};

/**
 * How the settings read for the references at hand: a base video makes the duration
 * follow the video (and the cost count its seconds); a first frame or a base video sets
 * the shape, so the aspect ratio is shown as theirs and not sent.
 */
export function settingsView(
  submission: Pick<ComposerSubmission, "images" | "elements" | "videos"> &
    Partial<Pick<ComposerSubmission, "model">>,
  chosenDuration: Duration,
): SettingsView {
  const rule = durationRule(submission, submission.model);
  const base = submission.videos.find((v) => v.referType === "base");
  const videoSeconds = base?.facts?.durationSeconds;
  const seconds =
    rule.kind === "follows-video"
      ? Math.round(videoSeconds ?? Number(chosenDuration))
      : Number(chosenDuration);
  const aspectSetBy = !aspectRatioIsSetByReferences(submission)
    ? null
    : submission.images.some((i) => i.frame === "first_frame")
      ? "startFrame"
      : "baseVideo";
  return { durationRule: rule, videoSeconds, seconds, aspectSetBy };
}
