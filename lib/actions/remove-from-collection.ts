"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { removeFromCollection } from "@/lib/collections/collection-repository";
import { collectionMembershipInput } from "@/lib/collections/collection-schemas";
import { defineAction } from "@/lib/run-action";

export const removeFromCollectionAction = defineAction(
  "removeFromCollectionAction",
  z.tuple([collectionMembershipInput]),
  async ({ id, generationIds }) => {
    const result = await removeFromCollection(id, generationIds);
    revalidatePath("/gallery");
    return result;
  },
);
