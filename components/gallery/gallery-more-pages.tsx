"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { type GalleryPage, galleryPageUrl } from "@/lib/gallery/gallery-page-types";
import { GalleryCard } from "./gallery-card";

export type GalleryMorePagesProps = {
  search: string;
  /** Where the server-rendered first page ended. */
  cursor: string;
  /** Bumped after a delete, so pages cached before it are not shown again. */
  epoch: number;
  selected: string[];
  onSelect: (id: string, selected: boolean) => void;
  onLoaded: (ids: string[]) => void;
};

async function fetchPage(search: string, cursor: string): Promise<GalleryPage> {
  const response = await fetch(galleryPageUrl(search, cursor));
  if (!response.ok) throw new Error(`The gallery could not load more (HTTP ${response.status}).`);
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

function MorePages({ search, cursor, epoch, selected, onSelect, onLoaded }: GalleryMorePagesProps) {
  const query = useInfiniteQuery({
    queryKey: ["gallery", search, cursor, epoch],
    queryFn: ({ pageParam }) => fetchPage(search, pageParam),
    initialPageParam: cursor,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });
  const { fetchNextPage, hasNextPage, isFetching, isError, isPending, refetch } = query;
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => onLoaded(items.map((item) => item.id)), [items, onLoaded]);
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
        <ul
          className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3"
          aria-label="More generations"
        >
          {items.map((generation) => (
            <li key={generation.id}>
              <GalleryCard
                generation={generation}
                selected={selected.includes(generation.id)}
                onSelect={onSelect}
                eager={false}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <div ref={sentinel} aria-hidden="true" />
      {isError ? (
        <div role="alert" className="flex items-center justify-center gap-3 text-sm text-red-300">
          {query.error instanceof Error ? query.error.message : "Loading failed."}
          <button
            type="button"
            className="rounded-md border border-line px-3 py-1.5"
            onClick={() => void refetch()}
          >
            Try again
          </button>
        </div>
      ) : isPending || hasNextPage ? (
        <button
          type="button"
          onClick={() => void fetchNextPage()}
          disabled={isFetching}
          className="self-center rounded-md border border-line px-4 py-2 text-sm hover:bg-panel-2"
        >
          {isFetching ? "Loading…" : "Load more"}
        </button>
      ) : (
        <p className="text-center text-xs text-muted">That is everything.</p>
      )}
    </>
  );
}
