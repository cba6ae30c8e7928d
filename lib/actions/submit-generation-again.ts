"use server";

import { z } from "zod";
import { submitGenerationAgain } from "@/lib/generation-commands/submit-generation-again";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

export const submitGenerationAgainAction = defineAction(
  "submitGenerationAgainAction",
  z.tuple([idSchema("gen")]),
  (id) => submitGenerationAgain(id),
);
