import { z } from "zod";
import {
  collectionRow,
  elementRow,
  generationRow,
  referenceRow,
  shareRow,
  shotRow,
  uploadRow,
} from "./history-row-schemas";

export { isSafeRelativePath } from "./history-row-schemas";

/**
 * The export archive: `manifest.json` (this schema) first, then `media/<path>` for every
 * file a row points at, with the same path relative to MEDIA_DIR (a row whose file was
 * missing at export time names none). Rows keep their ids, so share links keep working on
 * the new machine and a second import changes nothing.
 */
export const HISTORY_FORMAT = "omni-studio-history";
export const HISTORY_VERSION = 1;
export const MANIFEST_NAME = "manifest.json";
export const MEDIA_PREFIX = "media/";

export const historyManifestSchema = z.object({
  format: z.literal(HISTORY_FORMAT),
  version: z.literal(HISTORY_VERSION),
  exportedAt: z.string().max(100),
  generations: z.array(generationRow),
  references: z.array(referenceRow),
  /** Storyboard shots; archives from before storyboards have none. */
  shots: z.array(shotRow).default([]),
  shares: z.array(shareRow),
  uploads: z.array(uploadRow),
  elements: z.array(elementRow),
  /** Added after version 1 shipped; archives without it have no collections. */
  collections: z.array(collectionRow).default([]),
});

export type HistoryManifest = z.output<typeof historyManifestSchema>;

/** Every media file the manifest's rows point at. */
export function manifestMediaPaths(manifest: {
  generations: { videoPath: string | null; posterPath: string | null }[];
  references: { mediaPath: string | null }[];
  uploads: { mediaPath: string }[];
  elements: { thumbnailPath: string | null }[];
}): Set<string> {
  const paths = [
    ...manifest.generations.flatMap((g) => [g.videoPath, g.posterPath]),
    ...manifest.references.map((r) => r.mediaPath),
    ...manifest.uploads.map((u) => u.mediaPath),
    ...manifest.elements.map((e) => e.thumbnailPath),
  ];
  return new Set(paths.filter((p): p is string => typeof p === "string" && p.length > 0));
}
