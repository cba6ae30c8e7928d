"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

type Props = {
  /** Nothing typed or added: there is nothing to clear. */
  empty: boolean;
  onNewVideo: () => void;
  /** Offered right after "New video", until something new is typed or added. */
  onUndo: (() => void) | null;
};

const buttonClass =
  "rounded-md border border-line px-3 py-2 text-sm text-white hover:border-accent-2";

/**
 * "New video" starts over; what it cleared comes back with "Undo". Focus moves to Undo when
 * it appears (the button pressed is gone), so a keyboard user can take it back at once.
 */
export function ComposerRestart({ empty, onNewVideo, onUndo }: Props) {
  const t = useTranslations("composer");
  const undoRef = useRef<HTMLButtonElement>(null);
  const offerUndo = onUndo !== null && empty;
  useEffect(() => {
    if (offerUndo) undoRef.current?.focus();
  }, [offerUndo]);
  if (offerUndo) {
    return (
      <div className="flex items-center gap-2 text-sm text-muted">
        <span role="status">{t("cleared")}</span>
        <button ref={undoRef} type="button" className={buttonClass} onClick={onUndo}>
          {t("undo")}
        </button>
      </div>
    );
  }
  if (empty) return null;
  return (
    <button type="button" className={buttonClass} onClick={onNewVideo}>
      {t("newVideo")}
    </button>
  );
}
