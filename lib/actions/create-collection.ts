"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createCollection } from "@/lib/collections/collection-repository";
import { createCollectionInput } from "@/lib/collections/collection-schemas";
import { defineAction } from "@/lib/run-action";

export const createCollectionAction = defineAction(
  "createCollectionAction",
  z.tuple([createCollectionInput]),
  async ({ name, generationIds }) => {
    const created = await createCollection(name, generationIds);
    revalidatePath("/gallery");
    return created;
  },
);
