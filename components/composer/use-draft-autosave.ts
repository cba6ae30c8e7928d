"use client";

import { useEffect } from "react";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import { type ComposerDraft, clearDraft, saveDraft } from "./composer-draft";

/**
 * Nothing typed is lost: the draft follows every change, a moment later (so typing is not
 * slowed by a localStorage write per keystroke). An empty composer clears it, unless it is
 * a remix, whose link to the original must survive a reload.
 */
export function useDraftAutosave(draft: {
  segments: PromptSegment[];
  references: Reference[];
  settings: ComposerDraft["settings"];
  sendUnused: boolean;
  remixOf: ComposerDraft["remixOf"];
}): void {
  const { segments, references, settings, sendUnused, remixOf } = draft;
  const { mode, aspectRatio, duration } = settings;
  useEffect(() => {
    const timer = setTimeout(() => {
      const empty = segments.length === 0 && references.length === 0;
      if (empty && !remixOf) clearDraft();
      else
        saveDraft({
          segments,
          references,
          settings: { mode, aspectRatio, duration },
          sendUnused,
          remixOf,
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [segments, references, mode, aspectRatio, duration, sendUnused, remixOf]);
}
