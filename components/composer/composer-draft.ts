import type { ComposerSettings } from "@/lib/composer/build-submission";
import { normalizeSegments } from "@/lib/prompt/parse-prompt-text";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";

/** Everything the composer holds, as saved locally and as a remix loads it. */
export type ComposerDraft = {
  segments: PromptSegment[];
  references: Reference[];
  settings: ComposerSettings;
  sendUnused: boolean;
  /** The generation this one remixes, if any. */
  remixOf?: string | undefined;
};

const KEY = "omni-studio:composer-draft:v1";

export const EMPTY_DRAFT: ComposerDraft = {
  segments: [],
  references: [],
  settings: { mode: "std", aspectRatio: "16:9", duration: "5" },
  sendUnused: true,
};

export function loadDraft(): ComposerDraft | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as ComposerDraft;
    if (!Array.isArray(draft.segments) || !Array.isArray(draft.references) || !draft.settings) {
      return null;
    }
    return draft;
  } catch {
    return null;
  }
}

/**
 * Only what survives a reload is kept: a file still uploading has no server copy, and a
 * blob: thumbnail dies with the page, so those references (and their chips) are left out.
 */
export function saveDraft(draft: ComposerDraft): void {
  const references = draft.references
    .filter((ref) => ref.kind === "element" || ref.uploadId || ref.url)
    .map((ref) =>
      ref.thumbnailUrl?.startsWith("blob:") ? { ...ref, thumbnailUrl: undefined } : ref,
    );
  const kept: ComposerDraft = {
    ...draft,
    references,
    segments: normalizeSegments(draft.segments, references),
  };
  try {
    window.localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Storage full or blocked: the draft is a convenience, the form still works.
  }
}

export function clearDraft(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
