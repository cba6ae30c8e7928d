"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { renameCollection } from "@/lib/collections/collection-repository";
import { renameCollectionInput } from "@/lib/collections/collection-schemas";
import { defineAction } from "@/lib/run-action";

export const renameCollectionAction = defineAction(
  "renameCollectionAction",
  z.tuple([renameCollectionInput]),
  async ({ id, name }) => {
    await renameCollection(id, name);
    revalidatePath("/gallery");
    return null;
  },
);
