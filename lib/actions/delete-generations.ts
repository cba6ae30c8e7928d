"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteGenerations } from "@/lib/history/delete-generations";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

export const deleteGenerationsAction = defineAction(
  "deleteGenerationsAction",
  z.tuple([z.array(idSchema("gen")).min(1).max(1000)]),
  async (ids) => {
    const result = await deleteGenerations(ids);
    revalidatePath("/gallery");
    return result;
  },
);
