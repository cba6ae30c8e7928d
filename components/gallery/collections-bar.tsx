import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MediaThumb } from "@/components/ui/media-thumb";
import type { CollectionSummary } from "@/lib/collections/collection-schemas";
import { CollectionsBarForms } from "./collections-bar-forms";

type Props = { collections: CollectionSummary[]; activeId: string | undefined };

/**
 * The collections as links that filter the gallery (?collection=…), each with its cover (the
 * newest video's poster) and size; "New collection" makes one, and the active one can be
 * renamed or deleted (its generations stay). Server-rendered: only the forms are client code,
 * and the rename / delete tools load only on a collection's own view.
 */
export async function CollectionsBar({ collections, activeId }: Props) {
  const t = await getTranslations("collections");
  const active = collections.find((collection) => collection.id === activeId);
  return (
    <section aria-label={t("collections")} className="flex flex-wrap items-center gap-2">
      {collections.map((collection) => (
        <Link
          key={collection.id}
          href={`/gallery?collection=${collection.id}`}
          aria-current={collection.id === activeId ? "page" : undefined}
          className={`touch-target inline-flex items-center gap-2 rounded-lg border px-2 py-1 text-sm ${collection.id === activeId ? "border-accent bg-accent/15" : "border-line hover:bg-panel-2"}`}
        >
          <MediaThumb src={collection.coverUrl} className="size-8 rounded object-cover" />
          <span>{collection.name}</span>
          <span className="text-xs text-muted tabular-nums">{collection.count}</span>
        </Link>
      ))}
      <CollectionsBarForms active={active && { id: active.id, name: active.name }} />
    </section>
  );
}
