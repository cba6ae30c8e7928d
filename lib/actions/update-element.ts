"use server";

import { z } from "zod";
import { updateElement } from "@/lib/elements/element-repository";
import { elementInputSchema } from "@/lib/elements/element-schema";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

export const updateElementAction = defineAction(
  "updateElementAction",
  z.tuple([idSchema("el"), elementInputSchema]),
  (id, input) => updateElement(id, input),
);
