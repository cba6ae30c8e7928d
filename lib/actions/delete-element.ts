"use server";

import { z } from "zod";
import { deleteElement } from "@/lib/elements/element-repository";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

export const deleteElementAction = defineAction(
  "deleteElementAction",
  z.tuple([idSchema("el")]),
  async (id) => {
    await deleteElement(id);
    return null;
  },
);
