"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteCollection } from "@/lib/collections/collection-repository";
import { deleteCollectionInput } from "@/lib/collections/collection-schemas";
import { defineAction } from "@/lib/run-action";

export const deleteCollectionAction = defineAction(
  "deleteCollectionAction",
  z.tuple([deleteCollectionInput]),
  async ({ id }) => {
    await deleteCollection(id);
    revalidatePath("/gallery");
    return null;
  },
);
