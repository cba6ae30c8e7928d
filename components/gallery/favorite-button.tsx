"use client";

import { useState, useTransition } from "react";
import { toggleFavoriteAction } from "@/lib/actions/toggle-favorite";

/** Optimistic star; flips back if the server refuses. */
export function FavoriteButton({ id, initial }: { id: string; initial: boolean }) {
  const [favorite, setFavorite] = useState(initial);
  const [pending, startTransition] = useTransition();
  const label = favorite ? "Unfavorite" : "Favorite";
  const toggle = () => {
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
      aria-label={label}
      title={label}
      disabled={pending}
      className={`rounded-full p-1.5 text-lg leading-none hover:bg-panel-2 ${favorite ? "text-amber-300" : "text-muted"}`}
    >
      <span aria-hidden="true">{favorite ? "★" : "☆"}</span>
    </button>
  );
}
