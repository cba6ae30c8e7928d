"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type MouseEvent, useEffect } from "react";
import { isShortcutEvent } from "@/components/ui/keyboard";

export type DetailNavLinks = {
  /** The gallery list this page was opened from (its filters), for "Gallery" and Escape. */
  galleryHref: string;
  previousHref: string | null;
  nextHref: string | null;
};

const link =
  "touch-target inline-flex items-center gap-1 rounded-md border border-line px-3 py-1.5 text-sm hover:bg-panel-2";
const off = "touch-target inline-flex items-center gap-1 rounded-md px-3 py-1.5 text-sm text-muted";

/**
 * Back to the gallery and Previous / Next through it, by button or key: ← and → step
 * (replacing this page in history, so Back still returns to the grid), Escape goes back,
 * f favorites. Keys are ignored while typing, with a modifier and inside a dialog; the
 * arrows also while the video has focus (its own controls seek with them).
 */
export function DetailNav({ galleryHref, previousHref, nextHref }: DetailNavLinks) {
  const t = useTranslations("detail");
  const router = useRouter();

  useEffect(() => {
    // One step per page: a key pressed again before the next page is in would act on this
    // page's links a second time (or on a page already left).
    let leaving = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || leaving) return;
      // A focused video uses the arrows to seek.
      const onVideo = event.target instanceof HTMLMediaElement;
      const go = (href: string | null) => {
        if (!href) return;
        event.preventDefault();
        leaving = true;
        router.replace(href);
      };
      if (event.key === "ArrowLeft" && !onVideo) go(previousHref);
      else if (event.key === "ArrowRight" && !onVideo) go(nextHref);
      else if (event.key === "Escape") {
        event.preventDefault();
        backToGallery(router, galleryHref);
      } else if (event.key === "f") {
        document.querySelector<HTMLElement>("main [data-favorite-toggle]")?.click();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router, galleryHref, previousHref, nextHref]);

  const onGallery = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    backToGallery(router, galleryHref);
  };
  return (
    <nav aria-label={t("navLabel")} className="flex items-center gap-2">
      <Link href={galleryHref} onClick={onGallery} className={link}>
        <span aria-hidden="true">←</span> {t("gallery")}
      </Link>
      <div className="ml-auto flex items-center gap-2">
        {previousHref ? (
          <Link href={previousHref} replace className={link} title={t("previousHint")}>
            <span aria-hidden="true">‹</span> {t("previous")}
          </Link>
        ) : (
          <span aria-hidden="true" className={off}>
            <span aria-hidden="true">‹</span> {t("previous")}
          </span>
        )}
        {nextHref ? (
          <Link href={nextHref} replace className={link} title={t("nextHint")}>
            {t("next")} <span aria-hidden="true">›</span>
          </Link>
        ) : (
          <span aria-hidden="true" className={off}>
            {t("next")} <span aria-hidden="true">›</span>
          </span>
        )}
      </div>
    </nav>
  );
}

type Navigation = {
  currentEntry?: { index: number };
  entries?: () => { url: string | null }[];
};

/**
 * When the entry before this one is the gallery, go back to it (it restores its pages and
 * scroll position); otherwise open the gallery fresh.
 */
function backToGallery(router: ReturnType<typeof useRouter>, galleryHref: string) {
  const navigation = (window as { navigation?: Navigation }).navigation;
  const index = navigation?.currentEntry?.index ?? -1;
  const previous = index > 0 ? navigation?.entries?.()[index - 1]?.url : null;
  if (previous && new URL(previous).pathname === "/gallery") window.history.back();
  else router.push(galleryHref);
}
