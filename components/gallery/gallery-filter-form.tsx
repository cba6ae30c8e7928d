import { getTranslations } from "next-intl/server";
import { LabelledInput } from "@/components/ui/labelled-input";
import { SelectField } from "@/components/ui/select-field";
import type { CollectionSummary } from "@/lib/collections/collection-schemas";
import { GALLERY_FILTER_NAMES, type GalleryFilters } from "@/lib/gallery/gallery-filters";
import { modeLabel, type Words } from "@/lib/generations/plain-words";
import { STATUS_FILTER_KEYS, STATUS_FILTERS, type StatusKey } from "@/lib/generations/status";
import { ASPECT_RATIOS, MODES } from "@/lib/kling-contract/limits";
import { MODEL_LABELS, MODELS } from "@/lib/kling-contract/models";
import { GalleryFilterChips } from "./gallery-filter-chips";
import { GalleryFilterFormShell } from "./gallery-filter-form-shell";

type GalleryWords = Awaited<ReturnType<typeof getTranslations<"gallery">>>;

/** The selects' options, worded on the server: none of this ships to the browser. */
function optionsIn(t: GalleryWords, words: Words, statusWords: (key: StatusKey) => string) {
  const any = { value: "", label: t("any") };
  return {
    any,
    status: [
      any,
      ...STATUS_FILTERS.map((s) => ({ value: s, label: statusWords(STATUS_FILTER_KEYS[s]) })),
    ],
    model: [any, ...MODELS.map((m) => ({ value: m, label: MODEL_LABELS[m] }))],
    mode: [any, ...MODES.map((m) => ({ value: m, label: modeLabel(m, words) }))],
    aspect: [
      any,
      ...ASPECT_RATIOS.map((a) => ({ value: a, label: a })),
      { value: "auto", label: words("aspectFromReference") },
    ],
    refs: [
      any,
      { value: "with", label: t("withReferences") },
      { value: "without", label: t("withoutReferences") },
    ],
    sort: [
      { value: "newest", label: t("newestFirst") },
      { value: "oldest", label: t("oldestFirst") },
    ],
  };
}

const inputClass = "rounded-md border border-line bg-panel-2 px-3 py-2 text-sm text-white";
const labelClass = "text-xs font-medium uppercase tracking-wide text-muted";

/**
 * The search box, and the other filters folded behind a toggle; the active ones show as
 * removable chips. Server-rendered; the field names are the URL parameters.
 */
export async function GalleryFilterForm({
  filters,
  search,
  collections,
}: {
  filters: GalleryFilters;
  search: string;
  collections: CollectionSummary[];
}) {
  const activeCount = GALLERY_FILTER_NAMES.filter(
    (name) => name !== "q" && filters[name] !== undefined,
  ).length;
  const [t, words, statusWords] = await Promise.all([
    getTranslations("gallery"),
    getTranslations("words"),
    getTranslations("status"),
  ]);
  const options = optionsIn(t, words, statusWords);
  const collectionOptions = [
    options.any,
    ...collections.map((c) => ({ value: c.id, label: c.name })),
  ];
  const selects = [
    { name: "collection", label: t("collection"), options: collectionOptions },
    { name: "status", label: t("status"), options: options.status },
    { name: "model", label: t("model"), options: options.model },
    { name: "mode", label: t("mode"), options: options.mode },
    { name: "aspect", label: t("aspectRatio"), options: options.aspect },
    { name: "refs", label: t("references"), options: options.refs },
    { name: "sort", label: t("sort"), options: options.sort },
  ] as const;
  const days = [
    { name: "from", label: t("from") },
    { name: "to", label: t("to") },
  ] as const;
  return (
    <search aria-label={t("filterRegion")} className="flex flex-col gap-2">
      <GalleryFilterFormShell
        search={search}
        activeCount={activeCount}
        words={{
          filters: t("filters"),
          filtersActive: t("filtersActive"),
          apply: t("apply"),
          done: t("done"),
          shortcuts: t("shortcuts"),
          shortcutsHint: t("shortcutsHint"),
        }}
        searchField={
          <LabelledInput
            id="gallery-q"
            label={t("search")}
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            className={`${inputClass} min-w-0 flex-1 sm:max-w-md`}
            placeholder={t("searchPlaceholder")}
          />
        }
      >
        {selects.map(({ name, label, options: choices }) => (
          <SelectField
            key={name}
            id={`gallery-${name}`}
            name={name}
            label={label}
            options={choices}
            defaultValue={filters[name] ?? (name === "sort" ? "newest" : "")}
          />
        ))}
        {days.map(({ name, label }) => (
          <div key={name} className="flex flex-col gap-1">
            <label htmlFor={`gallery-${name}`} className={labelClass}>
              {label}
            </label>
            <input
              id={`gallery-${name}`}
              name={name}
              type="date"
              defaultValue={filters[name] ?? ""}
              className={inputClass}
            />
          </div>
        ))}
        <label className="flex min-h-11 items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            name="fav"
            value="1"
            defaultChecked={filters.fav === "1"}
            className="size-5 accent-violet-500"
          />
          {t("favoritesOnly")}
        </label>
      </GalleryFilterFormShell>
      <GalleryFilterChips
        filters={filters}
        collectionName={collections.find((c) => c.id === filters.collection)?.name}
      />
    </search>
  );
}
