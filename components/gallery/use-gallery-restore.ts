"use client";

import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import {
  type GalleryPages,
  type GallerySnapshot,
  readGallerySnapshot,
  saveGalleryPages,
  saveGalleryPosition,
} from "./gallery-snapshot";

type Options = {
  search: string;
  container: RefObject<HTMLElement | null>;
  /** The pages after the first as they are now, to save. */
  loaded: GalleryPages | null;
  /** The "more pages" component can render (its chunk has loaded). */
  ready: boolean;
  /** Called when there are saved pages to show: the grid mounts the "more pages" part. */
  onRestore: () => void;
};

/**
 * Back from a detail page puts the gallery back as it was: the same pages, the same scroll
 * position, focus on the card that was opened. The grid is keyed by its filters, so one
 * mount is one list; the snapshot is read once, before the first paint where it can be.
 * Returns the saved pages for the "more pages" part to start from.
 */
export function useGalleryRestore({ search, container, loaded, ready, onRestore }: Options) {
  const [snapshot, setSnapshot] = useState<GallerySnapshot | null>(null);
  // Until the snapshot is applied, nothing may overwrite it (an early scroll event would).
  const settled = useRef(false);
  const focusId = useRef<string | null>(null);
  const restoreOnce = useRef(onRestore);

  useLayoutEffect(() => {
    const saved = readGallerySnapshot(search);
    if (!saved) {
      settled.current = true;
      return;
    }
    setSnapshot(saved);
    if (saved.pages.length > 0) restoreOnce.current();
  }, [search]);

  useLayoutEffect(() => {
    if (settled.current || !snapshot) return;
    if (snapshot.pages.length > 0 && !ready) return;
    settled.current = true;
    focusId.current = snapshot.focusId;
    window.scrollTo(0, snapshot.y);
    const card = snapshot.focusId
      ? container.current?.querySelector<HTMLElement>(
          `article[data-generation-id="${CSS.escape(snapshot.focusId)}"] [data-card-link]`,
        )
      : null;
    card?.focus({ preventScroll: true });
  }, [snapshot, ready, container]);

  useEffect(() => {
    if (loaded && settled.current) saveGalleryPages(search, loaded);
  }, [loaded, search]);

  useEffect(() => {
    const node = container.current;
    let frame = 0;
    const save = () => {
      // After a link is followed the grid leaves the page before the new one scrolls to the
      // top; that scroll is not the gallery's.
      if (!settled.current || !container.current?.isConnected) return;
      saveGalleryPosition(search, { y: window.scrollY, focusId: focusId.current });
    };
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(save);
    };
    const cardOf = (event: Event) =>
      (event.target as Element | null)
        ?.closest?.("[data-card-link]")
        ?.closest<HTMLElement>("article[data-generation-id]");
    const onOpen = (event: Event) => {
      const card = cardOf(event);
      if (!card) return;
      focusId.current = card.dataset.generationId ?? null;
      save();
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    node?.addEventListener("click", onOpen, true);
    node?.addEventListener("focusin", onOpen);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
      node?.removeEventListener("click", onOpen, true);
      node?.removeEventListener("focusin", onOpen);
    };
  }, [search, container]);

  return snapshot && snapshot.pages.length > 0
    ? { pages: snapshot.pages, pageParams: snapshot.pageParams }
    : null;
}
