import { localMessage } from "@/i18n/local-message";
import type { AspectRatio, Duration, Mode } from "@/lib/kling-contract/limits";
import { DEFAULT_MODEL, type ModelName, type ShotType } from "@/lib/kling-contract/models";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import { chipRefIds, findUnusedReferences, serializePrompt } from "@/lib/prompt/serialize-prompt";
import type { ComposerIssue } from "./composer-issue";
import { validateSubmission } from "./composer-submission-schema";
import type { ComposerSubmission } from "./submission-shape";

export type ComposerSettings = {
  mode: Mode;
  aspectRatio: AspectRatio | null;
  duration: Duration;
  /** Drafts saved before the model choice name none: O1. */
  model?: ModelName | undefined;
  sound?: boolean | undefined;
};

/** A storyboard as edited: each shot its own chip document, pointing into the one tray. */
export type StoryboardDraft = {
  shotType: ShotType;
  shots: readonly { id: string; segments: readonly PromptSegment[]; duration: string }[];
};

export type ComposerCheck = {
  submission: ComposerSubmission;
  issues: ComposerIssue[];
  /** References no chip mentions: warned about, sent only if the person keeps them. */
  unused: Reference[];
};

/**
 * What the form would send right now, and everything wrong with it. Runs on every change
 * in the browser; the server runs the same rules again through the schema. Shots are
 * serialized against the same reference lists as the prompt, so `<<<image_2>>>` names the
 * same image in every shot.
 */
export function checkComposer(
  segments: readonly PromptSegment[],
  references: readonly Reference[],
  settings: ComposerSettings,
  options: { dropUnused?: boolean; storyboard?: StoryboardDraft | null } = {},
): ComposerCheck {
  const model = settings.model ?? DEFAULT_MODEL;
  const board = options.storyboard ?? null;
  const shotDrafts = board?.shotType === "customize" ? board.shots : [];
  // Which documents are sent: the shots replace the prompt in a custom storyboard.
  const sentSegments =
    board?.shotType === "customize" ? shotDrafts.flatMap((s) => s.segments) : segments;
  const used = chipRefIds(sentSegments);
  const kept = options.dropUnused ? references.filter((r) => used.has(r.id)) : references;
  const serialized = serializePrompt(segments, kept);
  const shots = shotDrafts.map((shot) => serializePrompt(shot.segments, kept));
  const submission: ComposerSubmission = {
    model,
    prompt: serialized.prompt,
    mode: settings.mode,
    aspectRatio: settings.aspectRatio,
    duration: settings.duration,
    sound: settings.sound ?? false,
    storyboard: board
      ? {
          shotType: board.shotType,
          shots: shots.map((shot, i) => ({
            prompt: shot.prompt,
            duration: shotDrafts[i]?.duration ?? "",
          })),
        }
      : null,
    images: serialized.imageRefs,
    elements: serialized.elementRefs,
    videos: serialized.videoRefs,
  };
  const stray: ComposerIssue[] =
    board?.shotType === "customize" && model === "kling-v3-omni"
      ? shots.flatMap((shot, index) =>
          shot.strayTokens.map(
            (token): ComposerIssue => ({
              rule: "shot-token",
              target: { kind: "shot", index },
              message: localMessage("composerRules.strayText", {
                where: "shot",
                n: index + 1,
                text: token.text,
              }),
            }),
          ),
        )
      : serialized.strayTokens.map((token) => ({
          rule: "prompt-stray-token",
          target: { kind: "prompt" },
          message: localMessage("composerRules.strayText", {
            where: "prompt",
            n: 0,
            text: token.text,
          }),
        }));
  const issues = [...validateSubmission(submission), ...stray].filter(
    // A dangling token can only come from typed text, already reported as stray.
    (issue) => issue.rule !== "prompt-dangling-token" && issue.rule !== "shot-dangling-token",
  );
  return { submission, issues, unused: findUnusedReferences(sentSegments, references) };
}
