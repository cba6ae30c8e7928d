/**
 * One broken rule, said so a person can fix it, and tied to the thing it is about so the
 * form can show it right there.
 */
export type ComposerRuleId =
  | "prompt-empty"
  | "prompt-too-long"
  | "prompt-dangling-token"
  | "prompt-malformed-token"
  | "prompt-stray-token"
  | "image-type"
  | "image-size"
  | "image-too-small"
  | "image-aspect"
  | "image-source"
  | "video-type"
  | "video-size"
  | "video-length"
  | "video-resolution"
  | "video-fps"
  | "video-source"
  | "element-id"
  | "too-many-references"
  | "too-many-references-with-video"
  | "too-many-videos"
  | "duplicate-frame"
  | "end-frame-needs-first"
  | "frames-too-many-images"
  | "frames-with-base-video"
  | "first-frame-too-many-elements"
  | "frames-with-elements"
  | "duration-choice"
  | "duration-range"
  | "aspect-ratio-required"
  | "sound-needs-v3"
  | "sound-with-video"
  | "storyboard-needs-v3"
  | "storyboard-with-frames"
  | "storyboard-no-shots"
  | "storyboard-too-many-shots"
  | "shot-empty"
  | "shot-too-long"
  | "shot-token"
  | "shot-dangling-token"
  | "shot-duration"
  | "shot-total";

export type ComposerIssueTarget =
  | { kind: "prompt" }
  | { kind: "reference"; refId: string }
  | { kind: "setting"; field: SettingField }
  /** A storyboard shot, by its place in the list (0-based). */
  | { kind: "shot"; index: number };

export type SettingField = "duration" | "aspectRatio" | "mode" | "model" | "sound" | "storyboard";

export type ComposerIssue = {
  rule: ComposerRuleId;
  target: ComposerIssueTarget;
  /** A localMessage (i18n/local-message.ts): said in the reader's language where shown. */
  message: string;
};

/** Issues about one reference, for showing beside its tray item. */
export function issuesForReference(issues: readonly ComposerIssue[], refId: string): string[] {
  return issues
    .filter((i) => i.target.kind === "reference" && i.target.refId === refId)
    .map((i) => i.message);
}

export function issuesForTarget(
  issues: readonly ComposerIssue[],
  kind: "prompt" | SettingField,
): string[] {
  return issues
    .filter((i) =>
      kind === "prompt"
        ? i.target.kind === "prompt"
        : i.target.kind === "setting" && i.target.field === kind,
    )
    .map((i) => i.message);
}

/** Issues about one storyboard shot (0-based), for showing under its editor. */
export function issuesForShot(issues: readonly ComposerIssue[], index: number): string[] {
  return issues
    .filter((i) => i.target.kind === "shot" && i.target.index === index)
    .map((i) => i.message);
}

/** Bytes as megabytes to one decimal, a number for the message to format in its language. */
export function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
