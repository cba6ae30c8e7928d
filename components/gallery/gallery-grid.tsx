"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CollectionSummary } from "@/lib/collections/collection-schemas";
import type { GalleryPage } from "@/lib/gallery/gallery-page-types";
import { GallerySelectionProvider } from "./gallery-card-frame";
import type { GalleryPages } from "./gallery-snapshot";
import { useGalleryKeys } from "./use-gallery-keys";
import { useGalleryRestore } from "./use-gallery-restore";
import { useOnDemand } from "./use-on-demand";

type Props = {
  search: string;
  initialPage: GalleryPage;
  /** The first page's cards, rendered by the server (GalleryCardList) from `initialPage`. */
  firstPage: ReactNode;
  collections: CollectionSummary[];
};

const loadToolbar = () => import("./selection-toolbar").then((m) => m.SelectionToolbar);
const loadShortcuts = () => import("./shortcuts-dialog").then((m) => m.ShortcutsDialog);
// Loaded once per tab (useOnDemand keeps it): Back to the gallery mounts it in the same render.
const loadMorePages = () => import("./gallery-more-pages").then((m) => m.GalleryMorePages);

/**
 * The first page comes rendered from the server, cards included; scrolling near its end (or
 * "Load more") mounts the infinite query for the rest. Back from a detail page restores the
 * pages and the scroll position (use-gallery-restore).
 */
export function GalleryGrid({ search, initialPage, firstPage, collections }: Props) {
  const t = useTranslations("gallery");
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [more, setMore] = useState(false);
  const [loaded, setLoaded] = useState<GalleryPages | null>(null);
  const [epoch, setEpoch] = useState(0);
  const [shortcuts, setShortcuts] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const cursor = initialPage.nextCursor;
  const SelectionToolbar = useOnDemand(loadToolbar, selected.length > 0);
  const ShortcutsDialog = useOnDemand(loadShortcuts, shortcuts);
  const MorePages = useOnDemand(loadMorePages, more);

  const restored = useGalleryRestore({
    search,
    container,
    loaded,
    ready: MorePages !== null,
    onRestore: () => setMore(true),
  });

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !cursor || more) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setMore(true);
      },
      { rootMargin: "800px 0px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [cursor, more]);

  useGalleryKeys(container, {
    onShortcuts: () => setShortcuts(true),
    onEscape: () => setSelected([]),
  });

  const onSelect = useCallback((id: string, on: boolean) => {
    setSelected((current) => (on ? [...current, id] : current.filter((x) => x !== id)));
  }, []);
  const selection = useMemo(() => ({ selected, onSelect }), [selected, onSelect]);
  const onDeleted = useCallback(() => {
    setMore(false);
    setLoaded(null);
    setEpoch((value) => value + 1);
    router.refresh();
  }, [router]);

  const loadedItems = [
    ...initialPage.items,
    ...(loaded?.pages.flatMap((page) => page.items) ?? []),
  ];
  return (
    <div ref={container} className="flex flex-col gap-3 sm:gap-4">
      <GallerySelectionProvider value={selection}>
        {firstPage}
        {!cursor ? (
          <p className="text-center text-xs text-muted">{t("everything")}</p>
        ) : more && !MorePages ? (
          <p role="status" className="text-center text-sm text-muted">
            {t("loadingMore")}
          </p>
        ) : more && MorePages ? (
          <MorePages
            search={search}
            cursor={cursor}
            epoch={epoch}
            onLoaded={setLoaded}
            restored={epoch === 0 ? restored : null}
          />
        ) : (
          <>
            <div ref={sentinel} aria-hidden="true" />
            <button
              type="button"
              onClick={() => setMore(true)}
              className="self-center rounded-md border border-line px-4 py-2 text-sm hover:bg-panel-2"
            >
              {t("loadMore")}
            </button>
          </>
        )}
      </GallerySelectionProvider>
      {selected.length > 0 && SelectionToolbar ? (
        <SelectionToolbar
          selected={selected}
          loaded={loadedItems}
          collections={collections}
          onChange={setSelected}
          onDeleted={onDeleted}
        />
      ) : null}
      {ShortcutsDialog ? (
        <ShortcutsDialog open={shortcuts} onClose={() => setShortcuts(false)} />
      ) : null}
    </div>
  );
}
