import { ACTIVE_STATUSES } from "@/lib/generations/status";
import type { GalleryFilters } from "./gallery-filters";

/**
 * The gallery filters that SearchDoc.facets carries as words, so a search's count under them
 * is answered by the full-text index alone (lib/gallery/README.md, "Counts under filters").
 * FACETS HOOK: the words must be exactly what the `*_search_facets` migration's triggers
 * write: "status<status> model<model without '-'> mode<mode> aspect<16x9|auto> favorite<0|1>".
 *
 * Each group is a choice of words (any of them), and every group must match. Undefined when
 * a filter is set that the facets do not carry (dates, references, collection): such counts
 * go through Generation as before.
 */
export function facetGroups(filters: GalleryFilters): string[][] | undefined {
  const { status, model, mode, aspect, fav, from, to, refs, collection } = filters;
  if (from || to || refs || collection) return undefined;
  const groups: string[][] = [];
  if (status === "active") groups.push(ACTIVE_STATUSES.map((s) => `status${s}`));
  else if (status) groups.push([`status${status}`]);
  if (model) groups.push([`model${model.replaceAll("-", "")}`]);
  if (mode) groups.push([`mode${mode}`]);
  if (aspect) groups.push([`aspect${aspect === "auto" ? "auto" : aspect.replace(":", "x")}`]);
  if (fav) groups.push(["favorite1"]);
  return groups;
}

/** FTS5: `{facets} : ("statussucceeded") AND {facets} : ("modepro" OR …)`. */
export function toFts5Facets(groups: readonly string[][]): string {
  return groups
    .map((words) => `{facets} : (${words.map((word) => `"${word}"`).join(" OR ")})`)
    .join(" AND ");
}

/** PostgreSQL: `(statussucceeded) & (modepro | …)`; the words are letters and digits only. */
export function toFacetTsQuery(groups: readonly string[][]): string {
  return groups.map((words) => `(${words.join(" | ")})`).join(" & ");
}
