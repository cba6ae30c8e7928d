import "server-only";
import { cache } from "react";
import { findGenerationDetailRow } from "@/lib/generations/generation-gallery-repository";
import type { ReferenceChipView } from "@/lib/generations/generation-view";
import { optionalMediaUrl } from "@/lib/storage/media-url";
import type { GenerationDetailData, LineageItem } from "./detail-types";
import { toGalleryView } from "./list-gallery";
import { referenceNamesFor } from "./reference-labels";
import { findElementThumbnails, referenceChipsOf, toReferenceViews } from "./reference-views";

type LineageRow = {
  id: string;
  parentKind: string | null;
  prompt: string;
  status: string;
  posterPath: string | null;
};

function toLineage(row: LineageRow, chips: Map<string, ReferenceChipView[]>): LineageItem {
  return {
    id: row.id,
    kind: row.parentKind,
    prompt: row.prompt,
    status: row.status,
    posterUrl: optionalMediaUrl(row.posterPath),
    references: chips.get(row.id) ?? [],
  };
}

/**
 * Cached per request: the detail page's metadata and the page itself both ask for it, and
 * should cost one read of the generation, its references and its lineage, not two.
 */
export const getGenerationDetail = cache(
  async (id: string): Promise<GenerationDetailData | null> => {
    const row = await findGenerationDetailRow(id);
    if (!row) return null;
    const { references, shots, parent, children, ...generation } = row;
    const names = await referenceNamesFor();
    const lineageChips = await referenceChipsOf(
      [parent, ...children].flatMap((item) => item?.references ?? []),
      names,
    );
    return {
      generation: toGalleryView(generation),
      references: toReferenceViews(
        references,
        undefined,
        await findElementThumbnails(references.map((ref) => ref.elementId)),
        names,
      ),
      shots,
      parent: parent ? toLineage(parent, lineageChips) : null,
      children: children.map((child) => toLineage(child, lineageChips)),
    };
  },
);
