import type { GalleryPage } from "@/lib/gallery/gallery-page-types";

/**
 * What Back needs to put the gallery back as it was: the pages loaded after the first
 * (the server renders the first again), the scroll position and the card that was opened.
 * Kept in sessionStorage per history entry (the Navigation API's entry key), so Back and
 * reload restore it while a fresh visit from the menu starts at the top.
 */
export type GalleryPages = { pages: GalleryPage[]; pageParams: string[] };
type Position = { y: number; focusId: string | null };
export type GallerySnapshot = GalleryPages & Position & { search: string };

const PREFIX = "omni:gallery:";
const INDEX = `${PREFIX}entries`;
const KEEP = 8;

function entryKey(): string {
  const navigation = (window as { navigation?: { currentEntry?: { key?: string } } }).navigation;
  return navigation?.currentEntry?.key ?? `${location.pathname}${location.search}`;
}

function read<T>(key: string): T | null {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: Back then starts at the top, nothing worse.
  }
}

/** Keeps the last few entries' snapshots and drops older ones. */
function remember(entry: string): void {
  const entries = (read<string[]>(INDEX) ?? []).filter((key) => key !== entry);
  entries.push(entry);
  for (const old of entries.splice(0, Math.max(0, entries.length - KEEP))) {
    sessionStorage.removeItem(`${PREFIX}${old}:pages`);
    sessionStorage.removeItem(`${PREFIX}${old}:position`);
  }
  write(INDEX, entries);
}

export function saveGalleryPages(search: string, pages: GalleryPages): void {
  const entry = entryKey();
  remember(entry);
  write(`${PREFIX}${entry}:pages`, { search, ...pages });
}

export function saveGalleryPosition(search: string, position: Position): void {
  const entry = entryKey();
  remember(entry);
  write(`${PREFIX}${entry}:position`, { search, ...position });
}

/** This history entry's snapshot of the gallery with these filters, if there is one. */
export function readGallerySnapshot(search: string): GallerySnapshot | null {
  const entry = entryKey();
  const position = read<Position & { search: string }>(`${PREFIX}${entry}:position`);
  if (position?.search !== search) return null;
  const pages = read<GalleryPages & { search: string }>(`${PREFIX}${entry}:pages`);
  const same = pages?.search === search && Array.isArray(pages.pages);
  return {
    search,
    y: position.y,
    focusId: position.focusId,
    pages: same ? pages.pages : [],
    pageParams: same ? pages.pageParams : [],
  };
}
