import {
  GENERATION_STATUSES,
  STATUS_FILTERS,
  type StatusFilter,
  statusFilterOf,
} from "@/lib/generations/status";
import { ASPECT_RATIOS, MODES } from "@/lib/kling-contract/limits";
import { MODELS, type ModelName } from "@/lib/kling-contract/models";

/**
 * The gallery's state, as it lives in the URL so a filtered view can be bookmarked and
 * reloaded. Parsing is lenient on purpose: a hand-edited or stale URL drops the bad part
 * instead of failing the page. Plain checks rather than zod: this module ships to the
 * browser with the filter form, and zod would triple the gallery's own JavaScript.
 */
export const GALLERY_SORTS = ["newest", "oldest"] as const;
export type GallerySort = (typeof GALLERY_SORTS)[number];

export type GalleryFilters = {
  q?: string;
  status?: StatusFilter;
  model?: ModelName;
  mode?: (typeof MODES)[number];
  aspect?: (typeof ASPECT_RATIOS)[number] | "auto";
  from?: string;
  to?: string;
  refs?: "with" | "without";
  fav?: "1";
  sort?: GallerySort;
  /** A collection's id: only its generations. */
  collection?: string;
};

type FieldName = keyof GalleryFilters;

const oneOf =
  (allowed: readonly string[]) =>
  (value: string): boolean =>
    allowed.includes(value);
const isDay = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

const CHECKS: Record<FieldName, (value: string) => boolean> = {
  q: (value) => value.length >= 1 && value.length <= 200,
  status: oneOf(STATUS_FILTERS),
  model: oneOf(MODELS),
  mode: oneOf(MODES),
  aspect: oneOf([...ASPECT_RATIOS, "auto"]),
  from: isDay,
  to: isDay,
  refs: oneOf(["with", "without"]),
  fav: oneOf(["1"]),
  sort: oneOf(GALLERY_SORTS),
  collection: (value) => /^col_[0-9a-z]{10,40}$/.test(value),
};

export const GALLERY_FILTER_NAMES = Object.keys(CHECKS) as FieldName[];

type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseGalleryFilters(input: SearchInput): GalleryFilters {
  const read = (name: string): string | undefined => {
    const raw = input instanceof URLSearchParams ? input.get(name) : input[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return typeof value === "string" ? value.trim() : undefined;
  };
  const filters: Record<string, string> = {};
  for (const name of GALLERY_FILTER_NAMES) {
    const value = name === "status" ? normalizeStatus(read(name)) : read(name);
    if (value !== undefined && CHECKS[name](value)) filters[name] = value;
  }
  if (filters.sort === "newest") delete filters.sort; // the default stays out of the URL
  return filters as GalleryFilters;
}

/** Bookmarks from before the plain status words name a single step; keep them working. */
function normalizeStatus(value: string | undefined): string | undefined {
  const step = GENERATION_STATUSES.find((status) => status === value);
  return step ? statusFilterOf(step) : value;
}

/** Stable query string (fixed key order), so equal filters give equal URLs and cache keys. */
export function galleryFiltersToSearch(filters: GalleryFilters): string {
  const params = new URLSearchParams();
  for (const name of GALLERY_FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined && value !== "") params.set(name, value);
  }
  return params.toString();
}

export function hasActiveFilters(filters: GalleryFilters): boolean {
  return GALLERY_FILTER_NAMES.some((name) => name !== "sort" && filters[name] !== undefined);
}
