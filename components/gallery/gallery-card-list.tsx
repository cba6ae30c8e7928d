import { galleryDetailHref } from "@/lib/gallery/gallery-page-types";
import { searchTerms } from "@/lib/gallery/search-terms";
import type { GenerationView } from "@/lib/generations/generation-view";
import { GalleryCard } from "./gallery-card";
import { GRID_CLASS } from "./gallery-grid-class";

type Props = {
  /** The gallery's query string: each card links back to it and marks its search words. */
  search: string;
  items: readonly GenerationView[];
  label: string;
  /** How many of the first cards load their posters eagerly (the rows above the fold). */
  eagerCount: number;
};

/**
 * One run of gallery cards in the grid: the server's first page (rendered by the page, on
 * the server), or the pages after it (rendered in the browser by gallery-more-pages). Which
 * cards are selected comes from the grid through GallerySelectionProvider.
 */
export function GalleryCardList({ search, items, label, eagerCount }: Props) {
  const terms = searchTerms(new URLSearchParams(search).get("q") ?? undefined);
  return (
    <ul className={GRID_CLASS} aria-label={label}>
      {items.map((generation, index) => (
        <li key={generation.id}>
          <GalleryCard
            generation={generation}
            href={galleryDetailHref(generation.id, search)}
            eager={index < eagerCount}
            terms={terms}
          />
        </li>
      ))}
    </ul>
  );
}
