"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ComponentType, useCallback, useEffect, useRef, useState } from "react";
import type { GalleryPage } from "@/lib/gallery/gallery-page-types";
import { GalleryCard } from "./gallery-card";
import type { GalleryMorePagesProps } from "./gallery-more-pages";
import { SelectionToolbar } from "./selection-toolbar";

type Props = { search: string; initialPage: GalleryPage; filtered: boolean };

/**
 * The first page comes rendered from the server; scrolling near its end (or "Load more")
 * mounts the infinite query for the rest.
 */
export function GalleryGrid({ search, initialPage, filtered }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [more, setMore] = useState(false);
  // A plain import() rather than next/dynamic, whose loader code outweighs what it defers.
  const [MorePages, setMorePages] = useState<ComponentType<GalleryMorePagesProps> | null>(null);
  const [moreIds, setMoreIds] = useState<string[]>([]);
  const [epoch, setEpoch] = useState(0);
  const sentinel = useRef<HTMLDivElement>(null);
  const cursor = initialPage.nextCursor;

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

  useEffect(() => {
    if (!more || MorePages) return;
    void import("./gallery-more-pages").then((module) =>
      setMorePages(() => module.GalleryMorePages),
    );
  }, [more, MorePages]);

  const onSelect = useCallback((id: string, on: boolean) => {
    setSelected((current) => (on ? [...current, id] : current.filter((x) => x !== id)));
  }, []);
  const onDeleted = useCallback(() => {
    setMore(false);
    setMoreIds([]);
    setEpoch((value) => value + 1);
    router.refresh();
  }, [router]);

  if (initialPage.items.length === 0) return <EmptyGallery filtered={filtered} />;

  return (
    <div className="flex flex-col gap-4">
      <SelectionToolbar
        selected={selected}
        loadedIds={[...initialPage.items.map((item) => item.id), ...moreIds]}
        onChange={setSelected}
        onDeleted={onDeleted}
      />
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Generations">
        {initialPage.items.map((generation, index) => (
          <li key={generation.id}>
            <GalleryCard
              generation={generation}
              selected={selected.includes(generation.id)}
              onSelect={onSelect}
              eager={index < 3}
            />
          </li>
        ))}
      </ul>
      {!cursor ? (
        <p className="text-center text-xs text-muted">That is everything.</p>
      ) : more && !MorePages ? (
        <p role="status" className="text-center text-sm text-muted">
          Loading…
        </p>
      ) : more && MorePages ? (
        <MorePages
          search={search}
          cursor={cursor}
          epoch={epoch}
          selected={selected}
          onSelect={onSelect}
          onLoaded={setMoreIds}
        />
      ) : (
        <>
          <div ref={sentinel} aria-hidden="true" />
          <button
            type="button"
            onClick={() => setMore(true)}
            className="self-center rounded-md border border-line px-4 py-2 text-sm hover:bg-panel-2"
          >
            Load more
          </button>
        </>
      )}
    </div>
  );
}

function EmptyGallery({ filtered }: { filtered: boolean }) {
  return (
    <div className="rounded-xl border border-dashed border-line p-8 text-center text-sm text-muted">
      {filtered ? (
        <>
          <p>Nothing matches these filters.</p>
          <Link href="/gallery" className="mt-2 inline-block text-accent-2 underline">
            Clear filters
          </Link>
        </>
      ) : (
        <>
          <p>No generations yet. Everything you make appears here.</p>
          <Link href="/" className="mt-2 inline-block text-accent-2 underline">
            Make your first video
          </Link>
        </>
      )}
    </div>
  );
}
