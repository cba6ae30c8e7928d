"use server";

import { z } from "zod";
import { cancelGeneration } from "@/lib/generation-commands/cancel-generation";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

export const cancelGenerationAction = defineAction(
  "cancelGenerationAction",
  z.tuple([idSchema("gen")]),
  (id) => cancelGeneration(id),
);
