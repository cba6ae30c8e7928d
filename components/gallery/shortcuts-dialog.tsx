"use client";

import { useTranslations } from "next-intl";
import { Dialog, DialogCloseButton } from "@/components/ui/dialog";

type ShortcutKey =
  | "keyMove"
  | "keyNextPrevious"
  | "keyOpen"
  | "keyFavorite"
  | "keySelect"
  | "keyEscape"
  | "keyVideoPreviousNext"
  | "keyShow";

/** Keys as printed on the keyboard; "Enter" and "Esc" are worded per language. */
const SHORTCUTS: [(string | "keyEnter" | "keyEsc")[], ShortcutKey][] = [
  [["←", "→", "↑", "↓"], "keyMove"],
  [["j", "k"], "keyNextPrevious"],
  [["keyEnter"], "keyOpen"],
  [["f"], "keyFavorite"],
  [["x"], "keySelect"],
  [["keyEsc"], "keyEscape"],
  [["←", "→"], "keyVideoPreviousNext"],
  [["?"], "keyShow"],
];

/** The list behind "?": every key the gallery and detail pages answer to. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("gallery");
  return (
    <Dialog open={open} onClose={onClose} title={t("shortcuts")} description={t("shortcutsText")}>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2">
        {SHORTCUTS.map(([keys, meaning]) => (
          <div key={meaning} className="contents">
            <dt className="flex gap-1">
              {keys.map((key) => (
                <kbd
                  key={key}
                  className="min-w-7 rounded border border-line bg-panel-2 px-1.5 py-0.5 text-center font-mono text-xs"
                >
                  {key === "keyEnter" || key === "keyEsc" ? t(key) : key}
                </kbd>
              ))}
            </dt>
            <dd>{t(meaning)}</dd>
          </div>
        ))}
      </dl>
      <div className="flex justify-end">
        <DialogCloseButton onClose={onClose} autoFocus />
      </div>
    </Dialog>
  );
}
