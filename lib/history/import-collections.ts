import type { HistoryManifest } from "./history-archive-schema";
import { refuseImport as refuse } from "./refuse-import";

export type CollectionPlan = {
  /** Collections this studio does not have yet (by id or by name). */
  created: { id: string; name: string; createdAt: Date; updatedAt: Date }[];
  /** Memberships of the generations this import adds; existing generations are left as they are. */
  items: { collectionId: string; generationId: string }[];
};

/**
 * Collections from an archive: one already here (same id, else same name) is joined rather
 * than duplicated, and only the generations the import adds get memberships, so a second
 * import changes nothing. A member the archive does not bring refuses the whole archive,
 * like a share would.
 */
export function planCollections(
  collections: HistoryManifest["collections"],
  archiveGenerationIds: ReadonlySet<string>,
  newGenerationIds: ReadonlySet<string>,
  existing: {
    collectionIds: ReadonlySet<string>;
    collectionIdsByName: ReadonlyMap<string, string>;
  },
): CollectionPlan {
  const plan: CollectionPlan = { created: [], items: [] };
  const names = new Set<string>();
  for (const { generationIds, ...collection } of collections) {
    if (names.has(collection.name)) {
      refuse("importDetails.collectionTwice", { name: collection.name });
    }
    names.add(collection.name);
    const missing = generationIds.find((id) => !archiveGenerationIds.has(id));
    if (missing) refuse("importDetails.collectionMissing", { name: collection.name, missing });
    const hereId = existing.collectionIds.has(collection.id)
      ? collection.id
      : existing.collectionIdsByName.get(collection.name);
    const collectionId = hereId ?? collection.id;
    if (!hereId) plan.created.push(collection);
    for (const generationId of new Set(generationIds)) {
      if (newGenerationIds.has(generationId)) plan.items.push({ collectionId, generationId });
    }
  }
  return plan;
}
