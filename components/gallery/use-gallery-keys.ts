"use client";

import { type RefObject, useEffect, useRef } from "react";
import { isShortcutEvent } from "@/components/ui/keyboard";

type Handlers = {
  /** "?" and the shortcuts button (which sends SHORTCUTS_EVENT). */
  onShortcuts: () => void;
  /** Escape outside any dialog; the gallery clears its selection with it. */
  onEscape: () => void;
};

/** The filter bar's "?" button is another component; it asks the grid through this event. */
export const SHORTCUTS_EVENT = "gallery:shortcuts";

const STEP: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, j: 1, k: -1 };

/**
 * The gallery's keys: arrows and j / k move between cards, f favorites and x selects the
 * focused card, ? lists the keys, Escape leaves selection. Enter is the card link's own.
 * Up and down move by a row, measured from the layout, so they follow the columns.
 */
export function useGalleryKeys(container: RefObject<HTMLElement | null>, handlers: Handlers) {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || !container.current) return;
      const links = [...container.current.querySelectorAll<HTMLElement>("[data-card-link]")];
      const index = links.indexOf(document.activeElement as HTMLElement);
      const card = index >= 0 ? links[index]?.closest("article") : null;
      const key = event.key;
      let target: number | undefined;
      if (key === "?") latest.current.onShortcuts();
      else if (key === "Escape") latest.current.onEscape();
      else if (key === "f" && card)
        card.querySelector<HTMLElement>("[data-favorite-toggle]")?.click();
      else if (key === "x" && card)
        card.querySelector<HTMLElement>("[data-select-toggle]")?.click();
      else if ((key === "j" || key === "k") && index < 0) target = firstInView(links);
      else if (index >= 0 && STEP[key] !== undefined) target = index + (STEP[key] ?? 0);
      else if (index >= 0 && (key === "ArrowDown" || key === "ArrowUp")) {
        target = index + (key === "ArrowDown" ? 1 : -1) * columns(links);
      } else return;
      event.preventDefault();
      if (target === undefined) return;
      links[Math.max(0, Math.min(links.length - 1, target))]?.focus();
    };
    const onShortcuts = () => latest.current.onShortcuts();
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener(SHORTCUTS_EVENT, onShortcuts);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener(SHORTCUTS_EVENT, onShortcuts);
    };
  }, [container]);
}

/** Cards in the first row: those whose top matches the first card's. */
function columns(links: HTMLElement[]): number {
  const tops = links.map((link) => link.closest("article")?.getBoundingClientRect().top ?? 0);
  const first = tops[0] ?? 0;
  const count = tops.findIndex((top) => Math.abs(top - first) > 2);
  return count < 0 ? Math.max(1, links.length) : Math.max(1, count);
}

function firstInView(links: HTMLElement[]): number {
  const index = links.findIndex(
    (link) => (link.closest("article")?.getBoundingClientRect().bottom ?? 0) > 0,
  );
  return Math.max(0, index);
}
