import type { GenerationView } from "@/lib/generations/generation-view";

/** One page of the gallery as the browser receives it. */
export type GalleryPage = {
  items: GenerationView[];
  /** Opaque; pass back as `cursor` for the next page. Null at the end. */
  nextCursor: string | null;
};

export type GalleryStats = {
  total: number;
  succeeded: number;
  failed: number;
  running: number;
  favorites: number;
  /** Sum of estimated costs of every generation that was sent (an estimate, not a bill). */
  estimatedSpendUsd: number;
  /** Rows that match the current filters. */
  matching: number;
};

export const GALLERY_PAGE_SIZE = 24;

export function galleryPageUrl(search: string, cursor: string | null): string {
  const params = new URLSearchParams(search);
  if (cursor) params.set("cursor", cursor);
  return `/gallery/items?${params.toString()}`;
}

/**
 * A generation's detail page as the gallery links to it: `in` carries the gallery's filters
 * and order, so the page's Previous / Next walk the same list.
 */
export function galleryDetailHref(id: string, search: string): string {
  const path = `/generations/${encodeURIComponent(id)}`;
  return search ? `${path}?in=${encodeURIComponent(search)}` : path;
}
