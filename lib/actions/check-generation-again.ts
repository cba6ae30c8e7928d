"use server";

import { z } from "zod";
import { checkGenerationAgain } from "@/lib/generation-commands/check-generation-again";
import { idSchema } from "@/lib/ids";
import { defineAction } from "@/lib/run-action";

export const checkGenerationAgainAction = defineAction(
  "checkGenerationAgainAction",
  z.tuple([idSchema("gen")]),
  (id) => checkGenerationAgain(id),
);
