"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toggleFavoriteAction } from "@/lib/actions/toggle-favorite";

type Props = {
  id: string;
  initial: boolean;
  /** -1 inside a gallery card, whose one tab stop is its link ("f" toggles instead). */
  tabIndex?: number;
  className?: string;
};

/**
 * A toggle button: its name stays "Favorite" and aria-pressed says whether it is on, so
 * assistive technology announces one control that changes state. Optimistic; flips back if
 * the server refuses.
 */
export function FavoriteButton({ id, initial, tabIndex, className = "" }: Props) {
  const t = useTranslations("compare");
  const [favorite, setFavorite] = useState(initial);
  const [shown, setShown] = useState(initial);
  // A fresh server value (after a refresh or a restored page) wins over the local one.
  if (initial !== shown) {
    setShown(initial);
    setFavorite(initial);
  }
  const [pending, startTransition] = useTransition();
  const toggle = () => {
    // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
    if (pending) return;
    const next = !favorite;
    setFavorite(next);
    startTransition(async () => {
      if (!(await toggleFavoriteAction({ id, favorite: next })).ok) setFavorite(!next);
    });
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={favorite}
      aria-label={t("favorite")}
      title={favorite ? t("favoriteRemove") : t("favoriteAdd")}
      aria-disabled={pending || undefined}
      tabIndex={tabIndex}
      data-favorite-toggle=""
      className={`inline-flex size-11 items-center justify-center rounded-full text-xl leading-none hover:bg-panel-2 ${favorite ? "text-amber-300" : "text-muted"} ${className}`}
    >
      <span aria-hidden="true">{favorite ? "★" : "☆"}</span>
    </button>
  );
}
