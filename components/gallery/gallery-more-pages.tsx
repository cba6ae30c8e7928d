"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { type GalleryPage, galleryPageUrl } from "@/lib/gallery/gallery-page-types";
import { GalleryCardList } from "./gallery-card-list";
import type { GalleryPages } from "./gallery-snapshot";

export type GalleryMorePagesProps = {
  search: string;
  /** Where the server-rendered first page ended. */
  cursor: string;
  /** Bumped after a delete, so pages cached before it are not shown again. */
  epoch: number;
  onLoaded: (pages: GalleryPages) => void;
  /** Pages saved before the person left for a detail page: shown at once, then refreshed. */
  restored: GalleryPages | null;
};

/** A page the route refused; worded where the translator is. */
class PageLoadError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function fetchPage(search: string, cursor: string): Promise<GalleryPage> {
  const response = await fetch(galleryPageUrl(search, cursor));
  if (!response.ok) throw new PageLoadError(response.status);
  return (await response.json()) as GalleryPage;
}

/**
 * Every page after the first, with React Query's infinite query. Loaded on demand (the
 * first scroll or "Load more"), so the gallery's first load carries none of this code,
 * React Query's client included: the provider lives here rather than in the layout.
 */
export function GalleryMorePages(props: GalleryMorePagesProps) {
  return (
    <QueryProvider>
      <MorePages {...props} />
    </QueryProvider>
  );
}

function MorePages(props: GalleryMorePagesProps) {
  const t = useTranslations("gallery");
  const { search, cursor, epoch, onLoaded, restored } = props;
  const query = useInfiniteQuery({
    queryKey: ["gallery", search, cursor, epoch],
    queryFn: ({ pageParam }) => fetchPage(search, pageParam),
    initialPageParam: cursor,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
    // Restored pages count as old: React Query refetches them (same cursors, same count)
    // in the background, so a favorite or status changed meanwhile shows up.
    ...(restored && restored.pageParams[0] === cursor
      ? { initialData: restored, initialDataUpdatedAt: 0 }
      : {}),
  });
  const { fetchNextPage, hasNextPage, isFetching, isError, isPending, refetch } = query;
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The cursors are the page params (initialPageParam is one).
    if (query.data)
      onLoaded({ pages: query.data.pages, pageParams: query.data.pageParams as string[] });
  }, [query.data, onLoaded]);
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage || isError) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetching) void fetchNextPage();
      },
      { rootMargin: "800px 0px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [fetchNextPage, hasNextPage, isFetching, isError]);

  return (
    <>
      {items.length > 0 ? (
        <GalleryCardList
          search={search}
          items={items}
          label={t("moreGenerations")}
          eagerCount={0}
        />
      ) : null}
      <div ref={sentinel} aria-hidden="true" />
      {isError ? (
        <div role="alert" className="flex items-center justify-center gap-3 text-sm text-red-300">
          {query.error instanceof PageLoadError
            ? t("loadFailedHttp", { status: query.error.status })
            : t("loadFailed")}
          <button
            type="button"
            className="rounded-md border border-line px-3 py-1.5"
            onClick={() => void refetch()}
          >
            {t("tryAgain")}
          </button>
        </div>
      ) : isPending || hasNextPage ? (
        <button
          type="button"
          onClick={() => void fetchNextPage()}
          disabled={isFetching}
          className="self-center rounded-md border border-line px-4 py-2 text-sm hover:bg-panel-2"
        >
          {isFetching ? t("loadingMore") : t("loadMore")}
        </button>
      ) : (
        <p className="text-center text-xs text-muted">{t("everything")}</p>
      )}
    </>
  );
}
