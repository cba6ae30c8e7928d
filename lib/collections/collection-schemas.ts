import { z } from "zod";
import { localMessage } from "@/i18n/local-message";
import { COLLECTION_NAME_MAX, checkCollectionName } from "./collection-name";

/** The actions' schemas; the forms check names with the same rule (collection-name.ts). */
export const collectionNameSchema = z.string().transform((raw, context) => {
  const checked = checkCollectionName(raw);
  if (checked.ok) return checked.name;
  context.addIssue({
    code: "custom",
    message: localMessage(`collections.${checked.problem}`, { max: COLLECTION_NAME_MAX }),
  });
  return z.NEVER;
});

const collectionId = z.string().regex(/^col_[0-9a-z]{10,40}$/, localMessage("collections.unknown"));
const generationIds = z.array(z.string().min(1).max(100)).min(1).max(1000);

export const createCollectionInput = z.object({
  name: collectionNameSchema,
  /** Generations to put in it straight away (the selection toolbar's "New collection"). */
  generationIds: generationIds.optional(),
});
export const renameCollectionInput = z.object({ id: collectionId, name: collectionNameSchema });
export const deleteCollectionInput = z.object({ id: collectionId });
export const collectionMembershipInput = z.object({ id: collectionId, generationIds });

export type CollectionSummary = {
  id: string;
  name: string;
  count: number;
  /** The newest succeeded generation's poster, if any. */
  coverUrl: string | null;
};
