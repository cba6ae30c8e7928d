"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addToCollection } from "@/lib/collections/collection-repository";
import { collectionMembershipInput } from "@/lib/collections/collection-schemas";
import { defineAction } from "@/lib/run-action";

export const addToCollectionAction = defineAction(
  "addToCollectionAction",
  z.tuple([collectionMembershipInput]),
  async ({ id, generationIds }) => {
    const result = await addToCollection(id, generationIds);
    revalidatePath("/gallery");
    return result;
  },
);
