import type { AspectRatio, Duration, Mode } from "@/lib/generations/limits";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import { findUnusedReferences, serializePrompt } from "@/lib/prompt/serialize-prompt";
import type { ComposerIssue } from "./composer-issue";
import { validateSubmission } from "./composer-submission-schema";
import type { ComposerSubmission } from "./submission-shape";

export type ComposerSettings = {
  mode: Mode;
  aspectRatio: AspectRatio | null;
  duration: Duration;
};

export type ComposerCheck = {
  submission: ComposerSubmission;
  issues: ComposerIssue[];
  /** References no chip mentions: warned about, sent only if the person keeps them. */
  unused: Reference[];
};

/**
 * What the form would send right now, and everything wrong with it. Runs on every change
 * in the browser; the server runs the same rules again through the schema.
 */
export function checkComposer(
  segments: readonly PromptSegment[],
  references: readonly Reference[],
  settings: ComposerSettings,
  options: { dropUnused?: boolean } = {},
): ComposerCheck {
  const serialized = serializePrompt(segments, references, options);
  const submission: ComposerSubmission = {
    prompt: serialized.prompt,
    ...settings,
    images: serialized.imageRefs,
    elements: serialized.elementRefs,
    videos: serialized.videoRefs,
  };
  const stray: ComposerIssue[] = serialized.strayTokens.map((token) => ({
    rule: "prompt-stray-token",
    target: { kind: "prompt" },
    message: `The prompt contains the text ${token.text}, which no reference stands for. Delete it, or type @ to insert a reference.`,
  }));
  const issues = [...validateSubmission(submission), ...stray].filter(
    // A dangling token can only come from typed text, already reported as stray.
    (issue) => issue.rule !== "prompt-dangling-token",
  );
  return { submission, issues, unused: findUnusedReferences(segments, references) };
}
