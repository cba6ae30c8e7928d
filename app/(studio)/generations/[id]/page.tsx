import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BatchCompare } from "@/components/gallery/batch-compare";
import { CollectionMembership } from "@/components/gallery/collection-membership";
import { GenerationDetail } from "@/components/generations/generation-detail";
import { QueryProvider } from "@/components/providers/query-provider";
import { IntlScope } from "@/i18n/intl-scope";
import { DETAIL_NAMESPACES } from "@/i18n/namespaces";
import { collectionIdsOf, listCollections } from "@/lib/collections/collection-repository";
import { galleryFiltersToSearch, parseGalleryFilters } from "@/lib/gallery/gallery-filters";
import { getGalleryNeighbors } from "@/lib/gallery/gallery-neighbors";
import { galleryDetailHref } from "@/lib/gallery/gallery-page-types";
import { getGenerationDetail } from "@/lib/gallery/get-generation-detail";
import { listBatchTakes } from "@/lib/gallery/list-batch";
import { withProgressFacts } from "@/lib/progress/progress-facts";
import { promptWithLabels } from "@/lib/prompt/reference-names";
import { listLiveShares } from "@/lib/shares/share-repository";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await getGenerationDetail((await params).id);
  if (detail) {
    const { generation, references } = detail;
    return { title: promptWithLabels(generation.prompt, references).slice(0, 60) };
  }
  return { title: (await getTranslations("metadata"))("notFoundTitle") };
}

export default async function GenerationPage({ params, searchParams }: Props) {
  const { id } = await params;
  // `in` is the gallery list this page was opened from; Previous / Next walk it.
  const context = (await searchParams).in;
  const filters = parseGalleryFilters(
    new URLSearchParams(typeof context === "string" ? context : ""),
  );
  const search = galleryFiltersToSearch(filters);
  const [detail, shares, neighbors, collections, memberOf] = await Promise.all([
    getGenerationDetail(id),
    listLiveShares(id),
    getGalleryNeighbors(id, filters),
    listCollections(),
    collectionIdsOf(id),
  ]);
  if (!detail) notFound();
  // The same progress figure the card and the status route show, from the first paint.
  const generation = await withProgressFacts(detail.generation);
  const t = await getTranslations("detail");
  const batchId = detail.generation.batchId;
  const takes = batchId ? await listBatchTakes(batchId) : [];
  const nav = {
    galleryHref: search ? `/gallery?${search}` : "/gallery",
    previousHref: neighbors.previousId ? galleryDetailHref(neighbors.previousId, search) : null,
    nextHref: neighbors.nextId ? galleryDetailHref(neighbors.nextId, search) : null,
  };
  return (
    // One column for the detail and what follows it (batch, collections), aligned alike.
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-4">
      <h1 className="sr-only">{t("pageHeading")}</h1>
      <IntlScope namespaces={DETAIL_NAMESPACES}>
        <QueryProvider>
          <GenerationDetail detail={{ ...detail, generation }} shares={shares} nav={nav} />
        </QueryProvider>
        {takes.length > 1 ? <BatchCompare takes={takes} currentId={id} /> : null}
        <CollectionMembership
          key={memberOf.join()}
          generationId={id}
          collections={collections}
          memberOf={memberOf}
        />
      </IntlScope>
    </div>
  );
}
