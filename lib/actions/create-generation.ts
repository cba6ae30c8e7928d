"use server";

import { z } from "zod";
import {
  createGenerationInput,
  createGenerations,
} from "@/lib/generation-commands/create-generation";
import { guardGenerate } from "@/lib/generation-commands/guard-generate";
import { defineAction } from "@/lib/run-action";

/**
 * Generate: every take of one recipe (one batch). The session, rate, budget and
 * hostile-text guard counts even a malformed request, and budgets all the takes at once.
 */
export const createGenerationAction = defineAction(
  "createGenerationAction",
  z.tuple([createGenerationInput]),
  (input) => createGenerations(input),
  { guard: (input) => guardGenerate(input) },
);
