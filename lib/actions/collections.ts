"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  addToCollection,
  createCollection,
  deleteCollection,
  removeFromCollection,
  renameCollection,
} from "@/lib/collections/collection-repository";
import {
  collectionMembershipInput,
  createCollectionInput,
  deleteCollectionInput,
  renameCollectionInput,
} from "@/lib/collections/collection-schemas";
import { defineAction } from "@/lib/run-action";

/**
 * A collection action takes one object checked by its schema, and every change it makes is
 * shown by the gallery's next render: the gallery's cached page is dropped after the work.
 */
function collectionAction<Out, In, T>(
  name: string,
  input: z.ZodType<Out, In>,
  work: (parsed: Out) => Promise<T>,
) {
  return defineAction(name, z.tuple([input]), async (parsed) => {
    const result = await work(parsed);
    revalidatePath("/gallery");
    return result;
  });
}

export const createCollectionAction = collectionAction(
  "createCollectionAction",
  createCollectionInput,
  ({ name, generationIds }) => createCollection(name, generationIds),
);

export const renameCollectionAction = collectionAction(
  "renameCollectionAction",
  renameCollectionInput,
  ({ id, name }) => renameCollection(id, name),
);

export const deleteCollectionAction = collectionAction(
  "deleteCollectionAction",
  deleteCollectionInput,
  ({ id }) => deleteCollection(id),
);

export const addToCollectionAction = collectionAction(
  "addToCollectionAction",
  collectionMembershipInput,
  ({ id, generationIds }) => addToCollection(id, generationIds),
);

export const removeFromCollectionAction = collectionAction(
  "removeFromCollectionAction",
  collectionMembershipInput,
  ({ id, generationIds }) => removeFromCollection(id, generationIds),
);
