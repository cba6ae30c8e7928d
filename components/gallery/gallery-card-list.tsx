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
  selected: string[];
  onSelect: (id: string, selected: boolean) => void;
  /** How many of the first cards load their posters eagerly (the rows above the fold). */
  eagerCount: number;
};

/** One run of gallery cards in the grid: the server's first page, or the pages after it. */
export function GalleryCardList({ search, items, label, selected, onSelect, eagerCount }: Props) {
  const terms = searchTerms(new URLSearchParams(search).get("q") ?? undefined);
  return (
    <ul className={GRID_CLASS} aria-label={label}>
      {items.map((generation, index) => (
        <li key={generation.id}>
          <GalleryCard
            generation={generation}
            href={galleryDetailHref(generation.id, search)}
            selected={selected.includes(generation.id)}
            selecting={selected.length > 0}
            onSelect={onSelect}
            eager={index < eagerCount}
            terms={terms}
          />
        </li>
      ))}
    </ul>
  );
}
