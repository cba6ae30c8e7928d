"use client";

import { useEffect } from "react";
import { type ComposerDraft, clearDraft, saveDraft } from "./composer-draft";

/**
 * Nothing typed is lost: the draft follows every change, a moment later (so typing is not
 * slowed by a localStorage write per keystroke). An empty composer clears it, unless it is
 * a remix, whose link to the original must survive a reload.
 */
export function useDraftAutosave(draft: ComposerDraft): void {
  const { segments, references, settings, sendUnused, remixOf, storyboard, takes } = draft;
  const { mode, aspectRatio, duration, model, sound } = settings;
  useEffect(() => {
    const timer = setTimeout(() => {
      const empty = segments.length === 0 && references.length === 0 && !storyboard;
      if (empty && !remixOf) clearDraft();
      else
        saveDraft({
          segments,
          references,
          settings: { mode, aspectRatio, duration, model, sound },
          sendUnused,
          takes,
          remixOf,
          storyboard,
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [
    segments,
    references,
    mode,
    aspectRatio,
    duration,
    model,
    sound,
    sendUnused,
    takes,
    remixOf,
    storyboard,
  ]);
}
