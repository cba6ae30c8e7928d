"use client";

import { useEffect, useRef } from "react";
import { type ComposerDraft, clearDraft, saveDraft } from "./composer-draft";

/**
 * Nothing typed is lost: the draft follows every change, a moment later (so typing is not
 * slowed by a localStorage write per keystroke). An empty composer clears it, unless it is
 * a remix, whose link to the original must survive a reload. A reload or a closed tab inside
 * that moment writes the pending draft at once (`pagehide`), so the last change survives too.
 */
export function useDraftAutosave(draft: ComposerDraft): void {
  const { segments, references, settings, sendUnused, remixOf, storyboard, takes } = draft;
  const { mode, aspectRatio, duration, model, sound } = settings;
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    const write = () => {
      pending.current = null;
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
    };
    pending.current = write;
    const timer = setTimeout(write, 250);
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
  useEffect(() => {
    const flush = () => pending.current?.();
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, []);
}
