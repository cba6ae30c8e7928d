import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CollectionsBar } from "@/components/gallery/collections-bar";
import { EmptyGallery } from "@/components/gallery/empty-gallery";
import { GalleryCardList } from "@/components/gallery/gallery-card-list";
import { GalleryFilterForm } from "@/components/gallery/gallery-filter-form";
import { GalleryGrid } from "@/components/gallery/gallery-grid";
import {
  GalleryHeader,
  GalleryStatsBar,
  GalleryStatsPlaceholder,
} from "@/components/gallery/gallery-header";
import { IntlScope } from "@/i18n/intl-scope";
import { GALLERY_NAMESPACES } from "@/i18n/namespaces";
import { listCollections } from "@/lib/collections/collection-repository";
import {
  galleryFiltersToSearch,
  hasActiveFilters,
  parseGalleryFilters,
} from "@/lib/gallery/gallery-filters";
import { getGalleryStats } from "@/lib/gallery/gallery-stats";
import { listGalleryPage } from "@/lib/gallery/list-gallery";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gallery"))("title") };
}

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
  const [page, collections, t] = await Promise.all([
    listGalleryPage(filters),
    listCollections(),
    getTranslations("gallery"),
  ]);
  const filtered = hasActiveFilters(filters);
  return (
    <IntlScope namespaces={GALLERY_NAMESPACES}>
      <div className="flex flex-col gap-4">
        <GalleryHeader>
          <Suspense fallback={<GalleryStatsPlaceholder />}>
            <GalleryStatsBar stats={stats} filtered={filtered} />
          </Suspense>
        </GalleryHeader>
        <CollectionsBar collections={collections} activeId={filters.collection} />
        <GalleryFilterForm filters={filters} search={search} collections={collections} />
        {page.items.length === 0 ? (
          <EmptyGallery filtered={filtered} />
        ) : (
          // Keyed by the search so a new filter starts a fresh list (and selection).
          <GalleryGrid
            key={`g-${search}`}
            search={search}
            initialPage={page}
            firstPage={
              <GalleryCardList
                search={search}
                items={page.items}
                label={t("generations")}
                eagerCount={6}
              />
            }
            collections={collections}
          />
        )}
      </div>
    </IntlScope>
  );
}
