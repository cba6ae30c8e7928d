import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { type GalleryFilters, galleryFiltersToSearch } from "@/lib/gallery/gallery-filters";
import { aspectLabel, modeLabel, type Words } from "@/lib/generations/plain-words";
import { STATUS_FILTER_KEYS, type StatusKey } from "@/lib/generations/status";
import { MODEL_LABELS } from "@/lib/kling-contract/models";

type Name = keyof GalleryFilters;
type ChipWords = {
  t: Awaited<ReturnType<typeof getTranslations<"gallery">>>;
  words: Words;
  status: (key: StatusKey) => string;
};

function chipLabel(
  name: Name,
  filters: GalleryFilters,
  { t, words, status }: ChipWords,
  collectionName?: string,
): string | null {
  switch (name) {
    case "q":
      return filters.q ? t("chipSearch", { q: filters.q }) : null;
    case "status":
      return filters.status
        ? t("chipStatus", { value: status(STATUS_FILTER_KEYS[filters.status]) })
        : null;
    case "model":
      return filters.model ? t("chipModel", { value: MODEL_LABELS[filters.model] }) : null;
    case "mode":
      return filters.mode ? t("chipMode", { value: modeLabel(filters.mode, words) }) : null;
    case "aspect":
      return filters.aspect
        ? t("chipAspect", {
            value: aspectLabel(filters.aspect === "auto" ? null : filters.aspect, words),
          })
        : null;
    case "refs":
      return filters.refs === "with"
        ? t("chipWithReferences")
        : filters.refs
          ? t("chipWithoutReferences")
          : null;
    case "fav":
      return filters.fav ? t("chipFavorites") : null;
    case "from":
      return filters.from ? t("chipFrom", { date: filters.from }) : null;
    case "to":
      return filters.to ? t("chipUntil", { date: filters.to }) : null;
    case "sort":
      return filters.sort === "oldest" ? t("chipOldest") : null;
    case "collection":
      return filters.collection
        ? t("chipCollection", { name: collectionName ?? t("deletedCollection") })
        : null;
  }
}

const ORDER: Name[] = [
  "collection",
  "q",
  "status",
  "model",
  "mode",
  "aspect",
  "refs",
  "fav",
  "from",
  "to",
  "sort",
];

function hrefWithout(filters: GalleryFilters, name: Name | "all"): string {
  const rest = name === "all" ? {} : { ...filters, [name]: undefined };
  const search = galleryFiltersToSearch(rest);
  return search ? `/gallery?${search}` : "/gallery";
}

/** The filters in force, each a link to the same gallery without it. Server-rendered. */
export async function GalleryFilterChips({
  filters,
  collectionName,
}: {
  filters: GalleryFilters;
  collectionName?: string | undefined;
}) {
  const [t, words, status] = await Promise.all([
    getTranslations("gallery"),
    getTranslations("words"),
    getTranslations("status"),
  ]);
  const chips = ORDER.flatMap((name) => {
    const label = chipLabel(name, filters, { t, words, status }, collectionName);
    return label ? [{ name, label }] : [];
  });
  if (chips.length === 0) return null;
  const chip =
    "touch-target inline-flex items-center gap-1.5 rounded-full border border-accent/40 bg-accent/15 px-3 py-1 text-xs text-accent-2 hover:bg-accent/25";
  return (
    <ul aria-label={t("activeFilters")} className="flex flex-wrap items-center gap-2">
      {chips.map(({ name, label }) => (
        <li key={name}>
          <Link
            href={hrefWithout(filters, name)}
            scroll={false}
            aria-label={t("removeFilter", { label })}
            className={chip}
          >
            {label}
            <span aria-hidden="true">✕</span>
          </Link>
        </li>
      ))}
      {chips.length > 1 ? (
        <li>
          <Link
            href="/gallery"
            scroll={false}
            className="touch-target inline-flex items-center px-2 text-xs text-muted underline hover:text-white"
          >
            {t("clearAll")}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
