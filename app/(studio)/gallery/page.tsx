import type { Metadata } from "next";
import { Suspense } from "react";
import { GalleryFilterForm } from "@/components/gallery/gallery-filter-form";
import { GalleryGrid } from "@/components/gallery/gallery-grid";
import {
  GalleryHeader,
  GalleryStatsBar,
  GalleryStatsPlaceholder,
} from "@/components/gallery/gallery-header";
import {
  galleryFiltersToSearch,
  hasActiveFilters,
  parseGalleryFilters,
} from "@/lib/gallery/gallery-filters";
import { getGalleryStats } from "@/lib/gallery/gallery-stats";
import { listGalleryPage } from "@/lib/gallery/list-gallery";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gallery" };

export default async function GalleryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = parseGalleryFilters(await searchParams);
  const search = galleryFiltersToSearch(filters);
  const stats = getGalleryStats(filters);
  // Nothing may reject unobserved while the page awaits the first page.
  stats.catch(() => undefined);
  const page = await listGalleryPage(filters);
  const filtered = hasActiveFilters(filters);
  return (
    <div className="flex flex-col gap-4">
      <GalleryHeader>
        <Suspense fallback={<GalleryStatsPlaceholder />}>
          <GalleryStatsBar stats={stats} filtered={filtered} />
        </Suspense>
      </GalleryHeader>
      <GalleryFilterForm filters={filters} search={search} />
      {/* Keyed by the search so a new filter starts a fresh list (and selection). */}
      <GalleryGrid key={`g-${search}`} search={search} initialPage={page} filtered={filtered} />
    </div>
  );
}
