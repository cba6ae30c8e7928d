import { SelectField } from "@/components/ui/select-field";
import type { GalleryFilters } from "@/lib/gallery/gallery-filters";
import { ASPECT_RATIOS, MODES } from "@/lib/generations/limits";
import { GENERATION_STATUSES, STATUS_LABELS } from "@/lib/generations/status";
import { GalleryFilterFormShell } from "./gallery-filter-form-shell";

const ANY = { value: "", label: "Any" };
const STATUS_OPTIONS = [
  ANY,
  ...GENERATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];
const MODE_OPTIONS = [ANY, ...MODES.map((m) => ({ value: m, label: m }))];
const ASPECT_OPTIONS = [
  ANY,
  ...ASPECT_RATIOS.map((a) => ({ value: a, label: a })),
  { value: "auto", label: "From reference" },
];
const REFS_OPTIONS = [
  ANY,
  { value: "with", label: "With references" },
  { value: "without", label: "Without" },
];
const SORT_OPTIONS = [
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
];

const inputClass = "rounded-md border border-line bg-panel-2 px-3 py-2 text-sm text-white";
const labelClass = "text-xs font-medium uppercase tracking-wide text-muted";

/** The filter fields, server-rendered; their names are the URL parameters. */
export function GalleryFilterForm({
  filters,
  search,
}: {
  filters: GalleryFilters;
  search: string;
}) {
  return (
    <search aria-label="Filter the gallery">
      <GalleryFilterFormShell search={search}>
        <div className="col-span-2 flex flex-col gap-1">
          <label htmlFor="gallery-q" className={labelClass}>
            Search prompts
          </label>
          <input
            id="gallery-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            className={inputClass}
            placeholder="e.g. lighthouse"
          />
        </div>
        <SelectField
          id="gallery-status"
          name="status"
          label="Status"
          options={STATUS_OPTIONS}
          defaultValue={filters.status ?? ""}
        />
        <SelectField
          id="gallery-mode"
          name="mode"
          label="Mode"
          options={MODE_OPTIONS}
          defaultValue={filters.mode ?? ""}
        />
        <SelectField
          id="gallery-aspect"
          name="aspect"
          label="Aspect ratio"
          options={ASPECT_OPTIONS}
          defaultValue={filters.aspect ?? ""}
        />
        <SelectField
          id="gallery-refs"
          name="refs"
          label="References"
          options={REFS_OPTIONS}
          defaultValue={filters.refs ?? ""}
        />
        <SelectField
          id="gallery-sort"
          name="sort"
          label="Sort"
          options={SORT_OPTIONS}
          defaultValue={filters.sort ?? "newest"}
        />
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="fav" value="1" defaultChecked={filters.fav === "1"} />
            Favorites only
          </label>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="gallery-from" className={labelClass}>
            From
          </label>
          <input
            id="gallery-from"
            name="from"
            type="date"
            defaultValue={filters.from ?? ""}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="gallery-to" className={labelClass}>
            To
          </label>
          <input
            id="gallery-to"
            name="to"
            type="date"
            defaultValue={filters.to ?? ""}
            className={inputClass}
          />
        </div>
        <noscript>
          <button type="submit" className="rounded-md border border-line px-3 py-2 text-sm">
            Apply
          </button>
        </noscript>
      </GalleryFilterFormShell>
    </search>
  );
}
