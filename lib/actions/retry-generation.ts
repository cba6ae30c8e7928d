"use server";

import { z } from "zod";
import { retryGeneration } from "@/lib/generation-commands/retry-generation";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

export const retryGenerationAction = defineAction(
  "retryGenerationAction",
  z.tuple([idSchema("gen")]),
  (id) => retryGeneration(id),
);
