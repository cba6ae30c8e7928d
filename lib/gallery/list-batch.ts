import "server-only";
import { findBatchRows } from "@/lib/generations/generation-gallery-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { toGalleryView } from "./list-gallery";

/** More takes than this are never made in one batch; the bound keeps the read small anyway. */
const MAX_BATCH = 16;

/** The takes of one batch, oldest first (take 1, take 2, …), for the detail page's Compare. */
export async function listBatchTakes(batchId: string): Promise<GenerationView[]> {
  return (await findBatchRows(batchId, MAX_BATCH)).map(toGalleryView);
}
