import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { optionalMediaUrl } from "@/lib/storage/media-url";
import type { GenerationDetailData, LineageItem, ReferenceView } from "./detail-types";
import { toGalleryView } from "./list-gallery";

type ReferenceRow = {
  id: string;
  kind: string;
  position: number;
  name: string | null;
  elementName: string | null;
  imageType: string | null;
  referType: string | null;
  mediaPath: string | null;
  mimeType: string | null;
};

/** Turns reference rows into chips; `thumb` decides which URL (private or share) serves a file. */
const KIND_ORDER: Record<string, number> = { image: 0, element: 1, video: 2 };

export function toReferenceViews(
  rows: ReferenceRow[],
  thumb: (row: ReferenceRow) => string | null = (row) => optionalMediaUrl(row.mediaPath),
): ReferenceView[] {
  const ordered = [...rows].sort(
    (a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.position - b.position,
  );
  return ordered.map((row) => ({
    id: row.id,
    kind: row.kind,
    position: row.position,
    label: row.elementName ?? row.name ?? `${row.kind} ${row.position + 1}`,
    imageType: row.imageType,
    referType: row.referType,
    thumbnailUrl: row.kind === "image" && row.mediaPath ? thumb(row) : null,
  }));
}

type LineageRow = {
  id: string;
  parentKind: string | null;
  prompt: string;
  status: string;
  posterPath: string | null;
};

function toLineage(row: LineageRow): LineageItem {
  return {
    id: row.id,
    kind: row.parentKind,
    prompt: row.prompt,
    status: row.status,
    posterUrl: optionalMediaUrl(row.posterPath),
  };
}

const lineageSelect = {
  id: true,
  parentKind: true,
  prompt: true,
  status: true,
  posterPath: true,
} as const;

/**
 * Cached per request: the detail page's metadata and the page itself both ask for it, and
 * should cost one read of the generation, its references and its lineage, not two.
 */
export const getGenerationDetail = cache(
  async (id: string): Promise<GenerationDetailData | null> => {
    const row = await getDb().generation.findUnique({
      where: { id },
      include: {
        references: true,
        parent: { select: lineageSelect },
        children: { select: lineageSelect, orderBy: { createdAt: "asc" }, take: 100 },
      },
    });
    if (!row) return null;
    const { references, parent, children, ...generation } = row;
    return {
      generation: toGalleryView(generation),
      references: toReferenceViews(references),
      parent: parent ? toLineage(parent) : null,
      children: children.map(toLineage),
    };
  },
);
