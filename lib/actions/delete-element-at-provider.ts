"use server";

import { z } from "zod";
import { deleteElementAtProvider } from "@/lib/elements/delete-element-at-provider";
import { defineAction } from "@/lib/run-action";

export const deleteElementAtProviderAction = defineAction(
  "deleteElementAtProviderAction",
  z.tuple([z.string().min(1).max(100)]),
  async (id) => {
    await deleteElementAtProvider(id);
    return null;
  },
);
