/**
 * One broken rule, said so a person can fix it, and tied to the thing it is about so the
 * form can show it right there.
 */
export type ComposerRuleId =
  | "prompt-empty"
  | "prompt-too-long"
  | "prompt-dangling-token"
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
  | "aspect-ratio-required";

export type ComposerIssueTarget =
  | { kind: "prompt" }
  | { kind: "reference"; refId: string }
  | { kind: "setting"; field: "duration" | "aspectRatio" | "mode" };

export type ComposerIssue = {
  rule: ComposerRuleId;
  target: ComposerIssueTarget;
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
  kind: "prompt" | "duration" | "aspectRatio" | "mode",
): string[] {
  return issues
    .filter((i) =>
      kind === "prompt"
        ? i.target.kind === "prompt"
        : i.target.kind === "setting" && i.target.field === kind,
    )
    .map((i) => i.message);
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
