import "server-only";
import { getDb } from "@/lib/db/client";
import type { ReferenceChipView } from "@/lib/generations/generation-view";
import { mediaUrl, optionalMediaUrl } from "@/lib/storage/media-url";
import type { ReferenceView } from "./detail-types";
import { type ReferenceNames, STORED_NAMES, sayLabel } from "./reference-labels";

export type ReferenceRow = {
  id: string;
  kind: string;
  position: number;
  name: string | null;
  label?: string | null;
  elementId: string | null;
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
  /** Registered elements' thumbnails by Kling element id; an element reference shows its own. */
  elementThumbs: ReadonlyMap<string, string> = new Map(),
  /** Default names in the reader's language (referenceNamesFor). */
  names: ReferenceNames = STORED_NAMES,
): ReferenceView[] {
  const ordered = [...rows].sort(
    (a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.position - b.position,
  );
  return ordered.map((row) => ({
    id: row.id,
    kind: row.kind,
    position: row.position,
    label: row.label
      ? sayLabel(row.label, names)
      : row.kind === "element" && row.elementName
        ? row.elementName
        : names(row.kind, row.position + 1),
    fileName: row.kind === "element" ? null : row.name,
    imageType: row.imageType,
    referType: row.referType,
    thumbnailUrl:
      row.kind === "image" && row.mediaPath
        ? thumb(row)
        : row.kind === "element" && row.elementId
          ? (elementThumbs.get(row.elementId) ?? null)
          : null,
  }));
}

/** The studio's registered elements keep a thumbnail; references name them by Kling's id. */
export async function findElementThumbnailPaths(
  elementIds: (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(elementIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const rows = await getDb().element.findMany({
    where: { elementId: { in: ids }, thumbnailPath: { not: null } },
    select: { elementId: true, thumbnailPath: true },
  });
  const paths = new Map<string, string>();
  for (const row of rows) if (row.thumbnailPath) paths.set(row.elementId, row.thumbnailPath);
  return paths;
}

/** The same thumbnails as the studio's own (signed-in) media URLs. */
export async function findElementThumbnails(
  elementIds: (string | null)[],
): Promise<Map<string, string>> {
  const paths = await findElementThumbnailPaths(elementIds);
  return new Map([...paths].map(([elementId, file]) => [elementId, mediaUrl(file)]));
}

/**
 * The chips of several generations' prompts (gallery cards, lineage), by generation id: the
 * same names and thumbnails as the detail page (toReferenceViews), trimmed to what a chip
 * shows, with every element thumbnail read in one query.
 */
export async function referenceChipsOf(
  rows: (ReferenceRow & { generationId: string })[],
  names: ReferenceNames = STORED_NAMES,
): Promise<Map<string, ReferenceChipView[]>> {
  const elementThumbs = await findElementThumbnails(rows.map((row) => row.elementId));
  const byGeneration = new Map<string, ReferenceChipView[]>();
  for (const view of toReferenceViews(rows, undefined, elementThumbs, names)) {
    const generationId = rows.find((row) => row.id === view.id)?.generationId;
    if (!generationId) continue;
    const chip = {
      kind: view.kind,
      position: view.position,
      label: view.label,
      thumbnailUrl: view.thumbnailUrl,
    };
    byGeneration.set(generationId, [...(byGeneration.get(generationId) ?? []), chip]);
  }
  return byGeneration;
}
