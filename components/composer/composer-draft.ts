import type { ComposerDraft } from "@/lib/composer/composer-draft-type";
import { readTakes } from "@/lib/composer/takes";
import { normalizeSegments } from "@/lib/prompt/parse-prompt-text";

export type { ComposerDraft };

const KEY = "omni-studio:composer-draft:v1";
/** What was last generated, as saved: a draft equal to it is not "unsent". */
const SENT_KEY = "omni-studio:composer-sent:v1";

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
    return { ...draft, takes: readTakes(draft.takes) };
  } catch {
    return null;
  }
}

/**
 * Only what survives a reload is kept: a file still uploading has no server copy, and a
 * blob: thumbnail dies with the page, so those references (and their chips) are left out.
 */
export function keepableDraft(draft: ComposerDraft): ComposerDraft {
  const references = draft.references
    .filter((ref) => ref.kind === "element" || ref.uploadId || ref.url)
    .map((ref) =>
      ref.thumbnailUrl?.startsWith("blob:") ? { ...ref, thumbnailUrl: undefined } : ref,
    );
  return {
    ...draft,
    references,
    segments: normalizeSegments(draft.segments, references),
    ...(draft.storyboard
      ? {
          storyboard: {
            ...draft.storyboard,
            shots: draft.storyboard.shots.map((shot) => ({
              ...shot,
              segments: normalizeSegments(shot.segments, references),
            })),
          },
        }
      : {}),
  };
}

/** Nothing typed and nothing added: there is nothing a remix or "New video" could lose. */
export function isEmptyDraft(draft: ComposerDraft): boolean {
  const text = draft.segments.some((s) => s.type !== "text" || s.text.trim() !== "");
  return !text && draft.references.length === 0 && !draft.storyboard;
}

const sentForm = (draft: ComposerDraft) => {
  const { segments, references, settings, sendUnused, storyboard } = keepableDraft(draft);
  return JSON.stringify({ segments, references, settings, sendUnused, storyboard });
};

export function markDraftSent(draft: ComposerDraft): void {
  try {
    window.localStorage.setItem(SENT_KEY, sentForm(draft));
  } catch {
    // Without storage a remix may ask once more than it needs to; nothing is lost.
  }
}

/** Holds something not generated yet, so a remix must not replace it unasked. */
export function isUnsentDraft(draft: ComposerDraft): boolean {
  if (isEmptyDraft(draft)) return false;
  try {
    return window.localStorage.getItem(SENT_KEY) !== sentForm(draft);
  } catch {
    return true;
  }
}

export function saveDraft(draft: ComposerDraft): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(keepableDraft(draft)));
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
